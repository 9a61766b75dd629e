package dev.migration.lint;

import java.util.ArrayList;
import java.util.List;

import dev.migration.sql.Dialect;

/**
 * One rule's fixtures: a statement it flags, the safe rewrite, and whether the statement
 * is still flagged on a table created earlier in the same revision (type and transaction
 * rules are; lock rules are not).
 */
record LintRuleFixture(LintRule rule, Dialect dialect, String violation, boolean violationTransactional, String safe,
		boolean safeTransactional, boolean flaggedOnFreshTable) {

	static final String POSTGRESQL_SETUP = """
			CREATE TABLE owners (id bigint PRIMARY KEY);
			CREATE TABLE accounts (id bigint PRIMARY KEY, email text, name varchar(100), status text, owner_id bigint);
			CREATE TABLE events (id bigint NOT NULL, payload text);
			CREATE INDEX ix_accounts_email ON accounts (email);
			CREATE UNIQUE INDEX ix_events_id ON events (id);
			""";

	static final String MYSQL_SETUP = """
			CREATE TABLE owners (id BIGINT PRIMARY KEY);
			CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(50), name VARCHAR(100), status VARCHAR(20),
			    owner_id BIGINT, score INT, bio TEXT);
			CREATE INDEX ix_accounts_email ON accounts (email);
			""";

	String setup() {
		return (this.dialect == Dialect.MYSQL) ? MYSQL_SETUP : POSTGRESQL_SETUP;
	}

	@Override
	public String toString() {
		return this.rule.id() + " (" + this.dialect.name().toLowerCase(java.util.Locale.ROOT) + "): "
				+ this.violation.replace('\n', ' ');
	}

	static List<LintRuleFixture> all() {
		List<LintRuleFixture> all = new ArrayList<>();
		pg(all, LintRule.REQUIRE_CONCURRENT_INDEX_CREATION, "CREATE INDEX ix_accounts_name ON accounts (name)",
				"CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name)", false, false);
		pg(all, LintRule.REQUIRE_CONCURRENT_INDEX_DELETION, "DROP INDEX ix_accounts_email",
				"DROP INDEX CONCURRENTLY ix_accounts_email", false, false);
		pg(all, LintRule.CONSTRAINT_MISSING_NOT_VALID,
				"ALTER TABLE accounts ADD CONSTRAINT ck_status CHECK (status <> '')",
				"ALTER TABLE accounts ADD CONSTRAINT ck_status CHECK (status <> '') NOT VALID", true, false);
		pg(all, LintRule.CONSTRAINT_MISSING_NOT_VALID, """
				ALTER TABLE accounts ADD CONSTRAINT ck_status CHECK (status <> '') NOT VALID;
				ALTER TABLE accounts VALIDATE CONSTRAINT ck_status""", """
				ALTER TABLE accounts ADD CONSTRAINT ck_status CHECK (status <> '') NOT VALID;
				ALTER TABLE accounts VALIDATE CONSTRAINT ck_status""", false, false);
		pg(all, LintRule.ADDING_FOREIGN_KEY_CONSTRAINT,
				"ALTER TABLE accounts ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id)",
				"ALTER TABLE accounts ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID",
				true, false);
		pg(all, LintRule.ADDING_FOREIGN_KEY_CONSTRAINT,
				"ALTER TABLE accounts ADD COLUMN manager_id bigint REFERENCES owners (id)",
				"""
						ALTER TABLE accounts ADD COLUMN manager_id bigint;
						ALTER TABLE accounts ADD CONSTRAINT fk_manager FOREIGN KEY (manager_id) REFERENCES owners (id) NOT VALID""",
				true, false);
		pg(all, LintRule.ADDING_NOT_NULLABLE_FIELD, "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL", """
				ALTER TABLE accounts ADD CONSTRAINT ck_email_nn CHECK (email IS NOT NULL) NOT VALID;
				ALTER TABLE accounts VALIDATE CONSTRAINT ck_email_nn;
				ALTER TABLE accounts ALTER COLUMN email SET NOT NULL""", false, false);
		pg(all, LintRule.ADDING_REQUIRED_FIELD, "ALTER TABLE accounts ADD COLUMN plan text NOT NULL",
				"ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free'", true, false);
		pg(all, LintRule.ADDING_FIELD_WITH_DEFAULT,
				"ALTER TABLE accounts ADD COLUMN token text DEFAULT md5(random()::text)",
				"ALTER TABLE accounts ADD COLUMN joined timestamptz DEFAULT now()", true, false);
		pg(all, LintRule.ADDING_FIELD_WITH_DEFAULT,
				"ALTER TABLE accounts ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY",
				"ALTER TABLE accounts ADD COLUMN tags text[] DEFAULT '{}'::text[]", true, false);
		pg(all, LintRule.CHANGING_COLUMN_TYPE, "ALTER TABLE accounts ALTER COLUMN name TYPE text",
				"ALTER TABLE accounts ADD COLUMN name_text text", true, false);
		pg(all, LintRule.BAN_DROP_COLUMN, "ALTER TABLE accounts DROP COLUMN status",
				"-- lint:ignore ban-drop-column release 41 stopped reading and writing status\n"
						+ "ALTER TABLE accounts DROP COLUMN status",
				true, false);
		pg(all, LintRule.BAN_DROP_TABLE, "DROP TABLE owners",
				"/* lint:ignore ban-drop-table nothing has used owners since release 40 */ DROP TABLE owners", true,
				false);
		pg(all, LintRule.BAN_DROP_DATABASE, "DROP SCHEMA legacy CASCADE", "CREATE SCHEMA legacy", true, true);
		pg(all, LintRule.RENAMING_COLUMN, "ALTER TABLE accounts RENAME COLUMN name TO full_name",
				"ALTER TABLE accounts ADD COLUMN full_name varchar(100)", true, false);
		pg(all, LintRule.RENAMING_COLUMN, "ALTER TABLE accounts RENAME name TO full_name",
				"ALTER TABLE accounts RENAME CONSTRAINT accounts_pkey TO accounts_pk", true, false);
		pg(all, LintRule.RENAMING_TABLE, "ALTER TABLE accounts RENAME TO customers",
				"CREATE VIEW customers AS SELECT * FROM accounts", true, false);
		pg(all, LintRule.DISALLOWED_UNIQUE_CONSTRAINT, "ALTER TABLE accounts ADD CONSTRAINT uq_email UNIQUE (email)",
				"ALTER TABLE accounts ADD CONSTRAINT uq_email UNIQUE USING INDEX ix_accounts_email", true, false);
		pg(all, LintRule.ADDING_SERIAL_PRIMARY_KEY_FIELD, "ALTER TABLE events ADD PRIMARY KEY (id)",
				"ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX ix_events_id", true, false);
		pg(all, LintRule.ADDING_SERIAL_PRIMARY_KEY_FIELD, "ALTER TABLE events ADD COLUMN seq bigserial PRIMARY KEY",
				"ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX ix_events_id", true, false);
		pg(all, LintRule.BAN_CHAR_FIELD, "ALTER TABLE accounts ADD COLUMN country char(2)",
				"ALTER TABLE accounts ADD COLUMN country character varying(2)", true, true);
		pg(all, LintRule.PREFER_BIGINT_OVER_INT, "ALTER TABLE accounts ADD COLUMN visits integer",
				"ALTER TABLE accounts ADD COLUMN visits bigint", true, true);
		pg(all, LintRule.PREFER_IDENTITY, "CREATE TABLE tags (id bigserial PRIMARY KEY)",
				"CREATE TABLE tags (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)", true, true);
		pg(all, LintRule.PREFER_TIMESTAMP_TZ, "ALTER TABLE accounts ADD COLUMN seen timestamp(3) without time zone",
				"ALTER TABLE accounts ADD COLUMN seen timestamp with time zone", true, true);
		pg(all, LintRule.REQUIRE_LOCK_TIMEOUT, "ALTER TABLE accounts ADD COLUMN note text",
				"SET LOCAL lock_timeout = '2s';\nALTER TABLE accounts ADD COLUMN note text", true, false);
		pg(all, LintRule.REQUIRE_STATEMENT_TIMEOUT, "ALTER TABLE accounts ADD COLUMN note text",
				"SET statement_timeout = '5min';\nALTER TABLE accounts ADD COLUMN note text", true, false);
		all.add(new LintRuleFixture(LintRule.PREFER_ROBUST_STMTS, Dialect.POSTGRESQL,
				"CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name)", false,
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_accounts_name ON accounts (name)", false, true));
		pg(all, LintRule.TRANSACTION_NESTING, "BEGIN;\nALTER TABLE accounts ADD COLUMN note text;\nCOMMIT",
				"ALTER TABLE accounts ADD COLUMN note text", true, true);
		all.add(new LintRuleFixture(LintRule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, Dialect.POSTGRESQL,
				"CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name)", true,
				"CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name)", false, true));
		my(all, LintRule.MYSQL_TABLE_COPY, "ALTER TABLE accounts MODIFY score BIGINT",
				"ALTER TABLE accounts ADD COLUMN score_big BIGINT", false);
		my(all, LintRule.MYSQL_TABLE_COPY, "ALTER TABLE accounts CONVERT TO CHARACTER SET utf8mb4",
				"ALTER TABLE accounts DEFAULT CHARACTER SET utf8mb4", false);
		my(all, LintRule.MYSQL_TABLE_COPY, "ALTER TABLE accounts DROP PRIMARY KEY",
				"ALTER TABLE accounts DROP PRIMARY KEY, ADD PRIMARY KEY (id, email), ALGORITHM=INPLACE, LOCK=NONE",
				false);
		my(all, LintRule.MYSQL_MISSING_ALGORITHM_LOCK, "CREATE INDEX ix_accounts_name ON accounts (name)",
				"CREATE INDEX ix_accounts_name ON accounts (name) ALGORITHM=INPLACE LOCK=NONE", false);
		my(all, LintRule.MYSQL_MISSING_ALGORITHM_LOCK, "ALTER TABLE accounts ADD INDEX ix_name (name)",
				"ALTER TABLE accounts ADD INDEX ix_name (name), ALGORITHM=INPLACE, LOCK=NONE", false);
		my(all, LintRule.MYSQL_MISSING_ALGORITHM_LOCK, "ALTER TABLE accounts MODIFY name VARCHAR(120)",
				"ALTER TABLE accounts MODIFY name VARCHAR(120), ALGORITHM=INPLACE, LOCK=NONE", false);
		my(all, LintRule.MYSQL_ADDING_FOREIGN_KEY,
				"ALTER TABLE accounts ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id)", """
						SET foreign_key_checks = 0;
						ALTER TABLE accounts ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id),
						    ALGORITHM=INPLACE, LOCK=NONE;
						SET foreign_key_checks = 1""", false);
		my(all, LintRule.MYSQL_NARROWING_COLUMN_TYPE, "ALTER TABLE accounts MODIFY name VARCHAR(50)",
				"ALTER TABLE accounts MODIFY name VARCHAR(120), ALGORITHM=INPLACE, LOCK=NONE", false);
		my(all, LintRule.MYSQL_NARROWING_COLUMN_TYPE, "ALTER TABLE accounts MODIFY COLUMN score SMALLINT",
				"ALTER TABLE accounts MODIFY COLUMN score INT NOT NULL DEFAULT 0", false);
		my(all, LintRule.BAN_DROP_COLUMN, "ALTER TABLE accounts DROP COLUMN bio",
				"# lint:ignore ban-drop-column bio has been unused since release 12\nALTER TABLE accounts DROP COLUMN bio",
				false);
		my(all, LintRule.RENAMING_COLUMN, "ALTER TABLE accounts CHANGE name full_name VARCHAR(100)",
				"ALTER TABLE accounts ADD COLUMN full_name VARCHAR(100)", false);
		my(all, LintRule.RENAMING_TABLE, "RENAME TABLE accounts TO customers",
				"CREATE VIEW customers AS SELECT * FROM accounts", false);
		my(all, LintRule.TRANSACTION_NESTING, "START TRANSACTION;\nUPDATE accounts SET score = 0;\nCOMMIT",
				"UPDATE accounts SET score = 0", true);
		return all;
	}

	private static void pg(List<LintRuleFixture> all, LintRule rule, String violation, String safe,
			boolean safeTransactional, boolean flaggedOnFreshTable) {
		all.add(new LintRuleFixture(rule, Dialect.POSTGRESQL, violation, true, safe, safeTransactional,
				flaggedOnFreshTable));
	}

	private static void my(List<LintRuleFixture> all, LintRule rule, String violation, String safe,
			boolean flaggedOnFreshTable) {
		all.add(new LintRuleFixture(rule, Dialect.MYSQL, violation, false, safe, false, flaggedOnFreshTable));
	}

}
