package dev.migration.lint;

import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's rules, named as squawk names them. Lock rules skip tables created by a
 * revision no database has yet; type rules apply to every column a linted revision
 * defines.
 */
final class PostgresRules {

	/** Functions PostgreSQL evaluates once for a default (not volatile): no rewrite. */
	private static final Set<String> NON_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
			"current_setting", "coalesce", "lower", "upper", "array", "jsonb_build_object", "json_build_object",
			"jsonb_build_array", "json_build_array", "to_jsonb", "make_interval", "timezone", "interval", "date",
			"numeric", "int", "bigint", "varchar", "text", "timestamp", "timestamptz", "concat");

	private static final Set<String> SERIALS = Set.of("serial", "serial2", "serial4", "serial8", "smallserial",
			"bigserial");

	private PostgresRules() {
	}

	static void check(Parsed statement, RevisionLinter r) {
		switch (statement.kind()) {
			case SET -> {
				String name = statement.names().isEmpty() ? "" : statement.names().get(0);
				r.lockTimeout |= name.equals("lock_timeout");
				r.statementTimeout |= name.equals("statement_timeout");
			}
			case CREATE_TABLE -> statement.columns().forEach((column) -> types(column.type(), column.name(), r));
			case CREATE_INDEX -> createIndex(statement, r);
			case DROP_INDEX -> dropIndex(statement, r);
			case REINDEX -> {
				if (statement.concurrently() && r.transactional) {
					r.report(LintRule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION,
							"REINDEX CONCURRENTLY cannot run inside a transaction block, and the revision runs in one");
				}
			}
			case ALTER_TABLE -> alterTable(statement, r);
			case DROP_TABLE, RENAME_TABLE -> {
				if (!r.fresh(statement)) {
					timeouts(r);
				}
			}
			default -> {
			}
		}
	}

	private static void createIndex(Parsed statement, RevisionLinter r) {
		String index = statement.names().isEmpty() ? "an index" : "index '" + statement.names().get(0) + "'";
		if (statement.concurrently()) {
			if (r.transactional) {
				r.report(LintRule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, "CREATE INDEX CONCURRENTLY of " + index
						+ " cannot run inside a transaction block, and the revision runs in one");
			}
			return;
		}
		if (!r.fresh(statement)) {
			r.report(LintRule.REQUIRE_CONCURRENT_INDEX_CREATION, "builds " + index + " on '" + statement.table()
					+ "' under a SHARE lock, which blocks every write to the table until the build ends");
			timeouts(r);
		}
	}

	private static void dropIndex(Parsed statement, RevisionLinter r) {
		boolean fresh = !statement.names().isEmpty() && statement.names().stream().allMatch(r.schema::isFreshIndex);
		String index = statement.names().isEmpty() ? "an index"
				: "index '" + String.join("', '", statement.names()) + "'";
		if (statement.concurrently()) {
			if (r.transactional) {
				r.report(LintRule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, "DROP INDEX CONCURRENTLY of " + index
						+ " cannot run inside a transaction block, and the revision runs in one");
			}
			return;
		}
		if (!fresh) {
			r.report(LintRule.REQUIRE_CONCURRENT_INDEX_DELETION, "drops " + index
					+ " under an ACCESS EXCLUSIVE lock on its table, which waits for and then blocks every query on it");
			timeouts(r);
		}
	}

	private static void alterTable(Parsed statement, RevisionLinter r) {
		String table = statement.table();
		boolean fresh = r.fresh(statement);
		for (Action action : statement.actions()) {
			if (action.definition() != null) {
				types(action.definition().type(), action.definition().name(), r);
			}
			if (action.type() != null) {
				types(action.type(), action.column(), r);
			}
			if (action.kind() == Action.Kind.ADD_CONSTRAINT && action.notValid() && action.name() != null) {
				r.notValid.add(action.name());
			}
			if (fresh) {
				continue;
			}
			switch (action.kind()) {
				case ADD_COLUMN -> addColumn(table, action, r);
				case ADD_CONSTRAINT -> addConstraint(table, action, r);
				case VALIDATE_CONSTRAINT -> {
					if (r.transactional && r.notValid.contains(action.name())) {
						r.report(LintRule.CONSTRAINT_MISSING_NOT_VALID, "validates '" + action.name()
								+ "' in the transaction that added it NOT VALID, so the ADD's lock is held during the scan");
					}
				}
				case SET_NOT_NULL -> {
					if (!r.schema.hasNotNullCheck(table, action.column())) {
						r.report(LintRule.ADDING_NOT_NULLABLE_FIELD, "SET NOT NULL on '" + table + "." + action.column()
								+ "' scans the whole table under an ACCESS EXCLUSIVE lock");
					}
				}
				case ALTER_TYPE -> r.report(LintRule.CHANGING_COLUMN_TYPE,
						"changes the type of '" + table + "." + action.column() + "' to " + action.type()
								+ ", which may rewrite the table and its indexes under an ACCESS EXCLUSIVE lock");
				default -> {
				}
			}
		}
		if (!fresh) {
			timeouts(r);
		}
	}

	private static void addColumn(String table, Action action, RevisionLinter r) {
		ColumnDef column = action.definition();
		if (column == null) {
			return;
		}
		String name = "'" + table + "." + column.name() + "'";
		boolean serial = SERIALS.contains(column.type().name());
		if (column.notNull() && column.defaultValue() == null && !column.generated() && !column.identity() && !serial
				&& !column.primaryKey()) {
			r.report(LintRule.ADDING_REQUIRED_FIELD,
					"adds " + name + " NOT NULL without a default, which fails as soon as the table has a row");
		}
		String rewrite = null;
		if (serial || column.identity()) {
			rewrite = "its sequence default";
		}
		else if (column.generated()) {
			rewrite = "its generated expression";
		}
		else if (column.defaultValue() != null && !column.defaultValue().isEmpty()) {
			String function = volatileFunction(column.defaultValue());
			if (function != null) {
				rewrite = "the volatile default " + function + "()";
			}
			else if (!r.server.atLeast(11, 0, 0) && !isNull(column.defaultValue())) {
				rewrite = "a default (before PostgreSQL 11 every default does)";
			}
		}
		if (rewrite != null) {
			r.report(LintRule.ADDING_FIELD_WITH_DEFAULT,
					"adds " + name + " with " + rewrite + ", which rewrites the table under an ACCESS EXCLUSIVE lock");
		}
		if (column.references()) {
			r.report(LintRule.ADDING_FOREIGN_KEY_CONSTRAINT, "adds " + name
					+ " with a foreign key, validated at once under locks on both tables that block writes");
		}
		if (column.primaryKey()) {
			r.report(LintRule.ADDING_SERIAL_PRIMARY_KEY_FIELD,
					"adds " + name + " as PRIMARY KEY, which builds its index under an ACCESS EXCLUSIVE lock");
		}
		else if (column.unique()) {
			r.report(LintRule.DISALLOWED_UNIQUE_CONSTRAINT,
					"adds " + name + " UNIQUE, which builds its index under an ACCESS EXCLUSIVE lock");
		}
	}

	private static void addConstraint(String table, Action action, RevisionLinter r) {
		String name = (action.name() != null) ? "'" + action.name() + "'" : "a constraint";
		switch (action.constraint()) {
			case FOREIGN_KEY -> {
				if (!action.notValid()) {
					r.report(LintRule.ADDING_FOREIGN_KEY_CONSTRAINT, "adds foreign key " + name + " on '" + table
							+ "' without NOT VALID: every row is checked while both tables are locked against writes");
				}
			}
			case CHECK -> {
				if (!action.notValid()) {
					r.report(LintRule.CONSTRAINT_MISSING_NOT_VALID, "adds check " + name + " on '" + table
							+ "' without NOT VALID: every row is checked under an ACCESS EXCLUSIVE lock");
				}
			}
			case UNIQUE -> {
				if (!action.usingIndex()) {
					r.report(LintRule.DISALLOWED_UNIQUE_CONSTRAINT, "adds unique constraint " + name + " on '" + table
							+ "', which builds its index under an ACCESS EXCLUSIVE lock");
				}
			}
			case PRIMARY_KEY -> {
				if (!action.usingIndex()) {
					r.report(LintRule.ADDING_SERIAL_PRIMARY_KEY_FIELD, "adds a primary key on '" + table
							+ "', which builds its index under an ACCESS EXCLUSIVE lock");
				}
			}
			default -> {
			}
		}
	}

	private static void timeouts(RevisionLinter r) {
		if (!r.lockTimeout && !r.lockTimeoutReported) {
			r.lockTimeoutReported = true;
			r.report(LintRule.REQUIRE_LOCK_TIMEOUT,
					"takes a lock on an existing table with no lock_timeout set earlier in the revision; "
							+ "waiting for it queues every other query behind this one");
		}
		if (!r.statementTimeout && !r.statementTimeoutReported) {
			r.statementTimeoutReported = true;
			r.report(LintRule.REQUIRE_STATEMENT_TIMEOUT,
					"takes a lock on an existing table with no statement_timeout set earlier in the revision");
		}
	}

	private static void types(ColumnType type, String column, RevisionLinter r) {
		String name = type.name();
		String where = "column '" + column + "' is " + type;
		if (name.equals("char") || name.equals("character") || name.equals("bpchar") || name.equals("nchar")
				|| name.equals("national character") || name.equals("national char")) {
			r.report(LintRule.BAN_CHAR_FIELD, where + ": char pads with blanks and is no faster than text");
		}
		if (name.equals("int") || name.equals("integer") || name.equals("int4") || name.equals("serial")
				|| name.equals("serial4")) {
			r.report(LintRule.PREFER_BIGINT_OVER_INT,
					where + ": 32-bit integers run out, and widening later rewrites the table");
		}
		if (SERIALS.contains(name)) {
			r.report(LintRule.PREFER_IDENTITY,
					where + ": serial's sequence has surprising ownership and permission behaviour");
		}
		if (name.equals("timestamp") || name.equals("timestamp without time zone")) {
			r.report(LintRule.PREFER_TIMESTAMP_TZ, where + ": without a zone the value means different instants "
					+ "to clients with different time zones");
		}
	}

	/** The first function called by the default that may be volatile, or {@code null}. */
	private static String volatileFunction(List<Token> tokens) {
		for (int i = 0; i + 1 < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isName() && tokens.get(i + 1).isSymbol("(") && !(i > 0 && tokens.get(i - 1).isSymbol("::"))
					&& !NON_VOLATILE.contains(token.text())) {
				return token.text();
			}
		}
		return null;
	}

	private static boolean isNull(List<Token> tokens) {
		return tokens.size() == 1 && tokens.get(0).is("null");
	}

}
