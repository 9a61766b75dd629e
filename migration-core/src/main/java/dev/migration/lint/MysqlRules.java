package dev.migration.lint;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * MySQL's and MariaDB's rules: which {@code ALTER}s copy the table (blocking writes for
 * the whole copy) on the configured server, which run in place but should say so
 * ({@code ALGORITHM=INPLACE, LOCK=NONE} makes the server refuse rather than fall back to
 * a copy), foreign keys, and narrowing type changes.
 */
final class MysqlRules {

	private MysqlRules() {
	}

	/** How an operation runs, cheapest first. */
	enum Algorithm {

		INSTANT, INPLACE, REBUILD, COPY

	}

	static void check(Parsed statement, RevisionLinter r) {
		if (statement.kind() == Parsed.Kind.SET && !statement.names().isEmpty()
				&& statement.names().get(0).equals("foreign_key_checks")) {
			List<Token> tokens = statement.tokens();
			Token last = tokens.get(tokens.size() - 1);
			r.foreignKeyChecksOff = last.text().equals("0") || last.is("off") || last.is("false");
			return;
		}
		if (statement.kind() == Parsed.Kind.CREATE_INDEX && !r.fresh(statement)) {
			missingOptions(statement, Algorithm.INPLACE, "builds an index on '" + statement.table() + "'", r);
			return;
		}
		if (statement.kind() != Parsed.Kind.ALTER_TABLE || r.fresh(statement)) {
			return;
		}
		String table = statement.table();
		String algorithm = statement.option(Action.Kind.ALGORITHM);
		Algorithm worst = Algorithm.INSTANT;
		String worstWhat = null;
		boolean addsPrimaryKey = statement.actions()
			.stream()
			.anyMatch((action) -> action.constraint() == Action.ConstraintKind.PRIMARY_KEY);
		for (Action action : statement.actions()) {
			if (action.constraint() == Action.ConstraintKind.FOREIGN_KEY) {
				if (!r.foreignKeyChecksOff) {
					r.report(LintRule.MYSQL_ADDING_FOREIGN_KEY, "adds a foreign key to '" + table
							+ "' with foreign_key_checks on, which copies the table (ALGORITHM=COPY) and blocks writes");
				}
				continue;
			}
			narrowing(table, action, r);
			Algorithm needed = algorithm(table, action, addsPrimaryKey, r);
			if (needed.compareTo(worst) > 0) {
				worst = needed;
				worstWhat = describe(table, action, r);
			}
		}
		if ("copy".equals(algorithm)) {
			r.report(LintRule.MYSQL_TABLE_COPY,
					"asks for ALGORITHM=COPY on '" + table + "', which blocks writes while the table is copied");
		}
		else if (worst == Algorithm.COPY) {
			r.report(LintRule.MYSQL_TABLE_COPY, worstWhat + ", which on " + r.server
					+ " copies the table (ALGORITHM=COPY) and blocks writes until the copy ends");
		}
		else if (worst != Algorithm.INSTANT) {
			missingOptions(statement, worst, worstWhat, r);
		}
	}

	private static void missingOptions(Parsed statement, Algorithm needed, String what, RevisionLinter r) {
		String algorithm = statement.option(Action.Kind.ALGORITHM);
		String lock = statement.option(Action.Kind.LOCK);
		if (algorithm == null || lock == null) {
			r.report(LintRule.MYSQL_MISSING_ALGORITHM_LOCK,
					what + " (" + ((needed == Algorithm.REBUILD) ? "rebuilding it in place" : "in place")
							+ ") without ALGORITHM= and LOCK=; on a large table it runs long, and should the server "
							+ "fall back to a copy it blocks writes");
		}
	}

	static Algorithm algorithm(String table, Action action, boolean addsPrimaryKey, RevisionLinter r) {
		ServerVersion server = r.server;
		boolean mariadb = server.isMariadb();
		return switch (action.kind()) {
			case ADD_COLUMN -> {
				ColumnDef column = action.definition();
				if (column == null) {
					yield Algorithm.INPLACE;
				}
				if (column.identity() || column.generated() && Cursor.containsWord(action.tokens(), "stored")) {
					yield Algorithm.COPY;
				}
				if (column.primaryKey() || column.unique()) {
					yield Algorithm.REBUILD;
				}
				boolean positioned = Cursor.containsWord(action.tokens(), "after")
						|| Cursor.containsWord(action.tokens(), "first");
				boolean instant = mariadb ? (server.atLeast(10, 4, 0) || server.atLeast(10, 3, 0) && !positioned)
						: (server.atLeast(8, 0, 29) || server.atLeast(8, 0, 12) && !positioned);
				yield instant ? Algorithm.INSTANT : Algorithm.REBUILD;
			}
			case DROP_COLUMN ->
				(mariadb ? server.atLeast(10, 4, 0) : server.atLeast(8, 0, 29)) ? Algorithm.INSTANT : Algorithm.REBUILD;
			case RENAME_COLUMN, RENAME_TABLE, RENAME_INDEX, SET_DEFAULT, DROP_DEFAULT, ALGORITHM, LOCK ->
				Algorithm.INSTANT;
			case DROP_INDEX, DROP_FOREIGN_KEY, DROP_CONSTRAINT -> Algorithm.INPLACE;
			case ADD_INDEX -> Algorithm.INPLACE;
			case ADD_CONSTRAINT -> switch (action.constraint()) {
				case PRIMARY_KEY -> Algorithm.REBUILD;
				case UNIQUE -> Algorithm.INPLACE;
				default -> Algorithm.COPY;
			};
			case DROP_PRIMARY_KEY -> addsPrimaryKey ? Algorithm.REBUILD : Algorithm.COPY;
			case CONVERT_CHARSET, ALTER_TYPE -> Algorithm.COPY;
			case REBUILD, SET_NOT_NULL, DROP_NOT_NULL -> Algorithm.REBUILD;
			case MODIFY_COLUMN -> modify(table, action, r);
			default -> Algorithm.INPLACE;
		};
	}

	private static Algorithm modify(String table, Action action, RevisionLinter r) {
		ColumnDef column = action.definition();
		ColumnType before = r.schema.type(table, action.column());
		if (column == null) {
			return Algorithm.COPY;
		}
		if (before == null) {
			// the type it had is unknown (created outside the scripts): assume it changes
			return Algorithm.COPY;
		}
		ColumnType after = column.type();
		if (sameType(before, after)) {
			// only the name, default or nullability change: making a column NOT NULL
			// rebuilds in place; the rest is metadata
			return column.notNull() ? Algorithm.REBUILD : Algorithm.INSTANT;
		}
		if (isVarchar(before) && isVarchar(after) && !before.args().isEmpty() && !after.args().isEmpty()
				&& after.args().get(0) >= before.args().get(0)) {
			// widening stays in place while the length prefix keeps its size (both under
			// 256
			// bytes or both above; 4 bytes a character for utf8mb4)
			boolean sameBucket = (before.args().get(0) * 4 < 256) == (after.args().get(0) * 4 < 256);
			return sameBucket ? Algorithm.INPLACE : Algorithm.COPY;
		}
		return Algorithm.COPY;
	}

	private static boolean sameType(ColumnType a, ColumnType b) {
		return normal(a.name()).equals(normal(b.name())) && (a.args().equals(b.args())
				|| a.args().isEmpty() && isInteger(a) || b.args().isEmpty() && isInteger(b));
	}

	private static String normal(String type) {
		return switch (type) {
			case "integer" -> "int";
			case "bool", "boolean" -> "tinyint";
			case "character varying" -> "varchar";
			case "character" -> "char";
			case "dec", "numeric" -> "decimal";
			default -> type;
		};
	}

	private static boolean isVarchar(ColumnType type) {
		String name = normal(type.name());
		return name.equals("varchar") || name.equals("varbinary");
	}

	private static boolean isInteger(ColumnType type) {
		return rank(type) >= 0;
	}

	private static int rank(ColumnType type) {
		return switch (normal(type.base())) {
			case "tinyint" -> 1;
			case "smallint" -> 2;
			case "mediumint" -> 3;
			case "int" -> 4;
			case "bigint" -> 5;
			default -> -1;
		};
	}

	private static void narrowing(String table, Action action, RevisionLinter r) {
		if (action.kind() != Action.Kind.MODIFY_COLUMN || action.definition() == null) {
			return;
		}
		ColumnType before = r.schema.type(table, action.column());
		ColumnType after = action.definition().type();
		if (before == null) {
			return;
		}
		String why = narrower(before, after);
		if (why != null) {
			r.report(LintRule.MYSQL_NARROWING_COLUMN_TYPE, "narrows '" + table + "." + action.column() + "' from "
					+ before + " to " + after + " (" + why + ")");
		}
	}

	private static @Nullable String narrower(ColumnType before, ColumnType after) {
		int from = rank(before);
		int to = rank(after);
		if (from > 0 && to > 0 && to < from) {
			return "a smaller integer";
		}
		boolean lengthTyped = isVarchar(before) && isVarchar(after)
				|| normal(before.name()).equals(normal(after.name()));
		if (lengthTyped && !before.args().isEmpty() && !after.args().isEmpty()
				&& after.args().get(0) < before.args().get(0)) {
			return "shorter";
		}
		String was = normal(before.base()).toLowerCase(Locale.ROOT);
		if ((was.endsWith("text") || was.endsWith("blob")) && isVarchar(after)) {
			return "text to varchar";
		}
		return null;
	}

	private static String describe(String table, Action action, RevisionLinter r) {
		return switch (action.kind()) {
			case ADD_COLUMN -> "adds column '" + table + "." + action.column() + "'";
			case DROP_COLUMN -> "drops column '" + table + "." + action.column() + "'";
			case MODIFY_COLUMN -> {
				ColumnType before = r.schema.type(table, action.column());
				yield "changes column '" + table + "." + action.column() + "'"
						+ ((before != null && action.definition() != null)
								? " from " + before + " to " + action.definition().type()
								: (action.definition() != null) ? " to " + action.definition().type() : "");
			}
			case ADD_INDEX -> "adds an index to '" + table + "'";
			case ADD_CONSTRAINT -> "adds a " + action.constraint().name().toLowerCase(Locale.ROOT).replace('_', ' ')
					+ " constraint to '" + table + "'";
			case DROP_PRIMARY_KEY -> "drops the primary key of '" + table + "'";
			case CONVERT_CHARSET -> "converts '" + table + "' to another character set";
			case REBUILD -> "rebuilds '" + table + "'";
			default -> "alters '" + table + "'";
		};
	}

}
