package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migration.op.CheckConstraint;
import dev.migration.op.CreateCheckConstraint;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;

/**
 * Check constraints (Hibernate's enum checks among them): read with one catalogue query
 * per schema and compared by their body as the server itself prints it, after
 * normalisation (case, whitespace, outer parentheses); both sides come from the same
 * server, so the server's own rewriting of a body is the same on both. MariaDB's
 * {@code json_valid()} checks belong to the JSON type and are left out; SQLite keeps its
 * checks in the table's own SQL and is not read.
 */
final class Checks {

	private static final String POSTGRESQL = "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) "
			+ "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
			+ "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND c.contype = 'c' "
			+ "ORDER BY t.relname, c.conname";

	private static final String MARIADB = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE "
			+ "FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? "
			+ "AND CHECK_CLAUSE NOT LIKE 'json_valid(%' ORDER BY TABLE_NAME, CONSTRAINT_NAME";

	private static final String H2 = "SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE "
			+ "FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS c JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t "
			+ "ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
			+ "WHERE c.CONSTRAINT_SCHEMA = ? ORDER BY t.TABLE_NAME, c.CONSTRAINT_NAME";

	/**
	 * Names the database made up: H2's {@code CONSTRAINT_xx}, MariaDB's
	 * {@code CONSTRAINT_n}.
	 */
	private static final Pattern GENERATED = Pattern.compile("(?i)constraint_[0-9a-f]+");

	private static final Pattern CAST = Pattern.compile("::\\s*(character varying|double precision|bit varying|"
			+ "timestamp with(out)? time zone|time with(out)? time zone|\"?[a-z_][a-z0-9_]*\"?)(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])*");

	private Checks() {
	}

	/** The tables with their check constraints added. */
	static List<TableDefinition> read(Connection connection, Dialect dialect, String schema,
			List<TableDefinition> tables) throws SQLException {
		Map<String, List<CheckConstraint>> checks = new LinkedHashMap<>();
		String sql = switch (dialect) {
			case POSTGRESQL -> POSTGRESQL;
			case MYSQL -> MARIADB;
			case H2 -> H2;
			case SQLITE -> null;
		};
		if (sql == null) {
			return tables;
		}
		try {
			SchemaReader.query(connection, sql, schema, (rs) -> {
				String table = (dialect == Dialect.H2) ? H2Catalog.name(rs.getString(1)) : rs.getString(1);
				String name = (dialect == Dialect.H2) ? H2Catalog.name(rs.getString(2)) : rs.getString(2);
				checks.computeIfAbsent(table.toLowerCase(Locale.ROOT), (key) -> new ArrayList<>())
					.add(new CheckConstraint(name, condition(rs.getString(3))));
			});
		}
		catch (SQLException ex) {
			if (dialect != Dialect.MYSQL) {
				throw ex;
			}
			// MySQL's CHECK_CONSTRAINTS has no TABLE_NAME: its checks are not compared
			return tables;
		}
		List<TableDefinition> result = new ArrayList<>();
		for (TableDefinition table : tables) {
			TableDefinition with = table;
			for (CheckConstraint check : checks.getOrDefault(table.name().toLowerCase(Locale.ROOT), List.of())) {
				with = new TableDefinition(with.table().withCheck(check), with.indexes());
			}
			result.add(with);
		}
		return result;
	}

	/** The condition without {@code CHECK} and the outer parentheses. */
	static String condition(String text) {
		String condition = text.strip();
		if (condition.regionMatches(true, 0, "CHECK", 0, 5)) {
			condition = condition.substring(5).strip();
		}
		while (condition.startsWith("(") && condition.endsWith(")")
				&& Defaults.balanced(condition.substring(1, condition.length() - 1))) {
			condition = condition.substring(1, condition.length() - 1).strip();
		}
		return condition;
	}

	/**
	 * A body for comparison: lower case, PostgreSQL's casts ({@code ::text},
	 * {@code ::character varying}) and all parentheses gone, whitespace collapsed.
	 * PostgreSQL does not print back what it printed (a re-created {@code IN} check reads
	 * {@code ANY (ARRAY[('a'::character varying)::text])}), so casts and grouping are not
	 * compared: a change only in those is not detected.
	 */
	static String normalized(String condition) {
		String text = CAST.matcher(condition.toLowerCase(Locale.ROOT)).replaceAll("");
		return text.replaceAll("[()]", " ").replaceAll("\\s+", " ").replaceAll(" ?([,\\[\\]]) ?", "$1").strip();
	}

	static boolean generated(@Nullable String name) {
		return name != null && GENERATED.matcher(name).matches();
	}

	/** The changes that bring a table's checks from live to desired, compared by body. */
	static void compare(String table, TableDefinition desired, TableDefinition live, List<Change> drops,
			List<Change> adds) {
		Map<String, CheckConstraint> wanted = byBody(desired);
		Map<String, CheckConstraint> existing = byBody(live);
		existing.forEach((body, check) -> {
			if (!wanted.containsKey(body)) {
				CreateCheckConstraint restore = new CreateCheckConstraint(table, check);
				drops.add(new Change(restore.reverse().orElseThrow(), List.of(restore), null));
			}
		});
		int index = 1;
		for (Map.Entry<String, CheckConstraint> entry : wanted.entrySet()) {
			if (!existing.containsKey(entry.getKey())) {
				CheckConstraint check = entry.getValue();
				String name = (check.name() == null || generated(check.name())) ? "ck_" + table + "_" + index
						: check.name();
				adds.add(Change
					.reversible(new CreateCheckConstraint(table, new CheckConstraint(name, check.condition())), null));
				index++;
			}
		}
	}

	private static Map<String, CheckConstraint> byBody(TableDefinition table) {
		Map<String, CheckConstraint> map = new LinkedHashMap<>();
		table.table().checks().forEach((check) -> map.putIfAbsent(normalized(check.condition()), check));
		return map;
	}

}
