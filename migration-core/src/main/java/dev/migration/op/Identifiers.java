package dev.migration.op;

import java.util.Set;
import java.util.regex.Pattern;

import dev.migration.sql.Dialect;

/**
 * Quotes identifiers only where needed, as Alembic does: a plain lower case name stays
 * unquoted so that hand-written SQL (which is unquoted) finds it on every database (H2
 * folds unquoted names to upper case, PostgreSQL to lower case); reserved words, mixed
 * case and other characters are quoted, with embedded quotes doubled.
 */
final class Identifiers {

	private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

	// Words reserved on at least one of the supported databases (H2 2.x reserves many).
	private static final Set<String> RESERVED = Set.of("all", "alter", "and", "any", "array", "as", "asc", "between",
			"both", "by", "case", "cast", "check", "column", "constraint", "create", "cross", "current_date",
			"current_time", "current_timestamp", "current_user", "day", "default", "delete", "desc", "distinct", "drop",
			"else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from", "full", "group", "groups",
			"having", "hour", "if", "ilike", "in", "index", "inner", "insert", "intersect", "interval", "into", "is",
			"join", "key", "leading", "left", "like", "limit", "localtime", "localtimestamp", "minus", "minute",
			"month", "natural", "not", "null", "offset", "on", "or", "order", "outer", "over", "partition", "primary",
			"qualify", "range", "references", "regexp", "right", "row", "rownum", "rows", "second", "select",
			"session_user", "set", "some", "symmetric", "system_user", "table", "then", "to", "top", "trailing", "true",
			"union", "unique", "unknown", "update", "user", "using", "value", "values", "when", "where", "window",
			"with", "year", "_rowid_");

	private Identifiers() {
	}

	static String quote(String name, Dialect dialect) {
		if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
			return name;
		}
		if (dialect == Dialect.MYSQL) {
			return "`" + name.replace("`", "``") + "`";
		}
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	static String list(Iterable<String> names, Dialect dialect) {
		StringBuilder sql = new StringBuilder();
		for (String name : names) {
			if (!sql.isEmpty()) {
				sql.append(", ");
			}
			sql.append(quote(name, dialect));
		}
		return sql.toString();
	}

}
