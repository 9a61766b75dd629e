package dev.migration.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.sql.Dialect;
import dev.migration.testing.ClassDatabase;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The PostgreSQL rules against the real server: while another session holds ROW EXCLUSIVE
 * on the table (an open transaction that wrote to it, as the application's always do),
 * the flagged statement cannot get its lock within a 200 ms {@code lock_timeout}, and the
 * part of the safe rewrite that scans the table runs. The rewrite's brief catalog step
 * (adding a column or a {@code NOT VALID} constraint) runs before the writer starts: it
 * needs its lock only for an instant.
 * <p>
 * The {@code CONCURRENTLY} rewrites are not in this list: they wait for open writers to
 * finish (without blocking anyone), which a held transaction makes look like blocking.
 */
class LintPostgresqlLockTests {

	@RegisterExtension
	static final ClassDatabase database = new ClassDatabase(() -> TestDatabase.create(DatabaseKind.POSTGRESQL));

	record Case(LintRule rule, String flagged, String prepare, String safe) {

		@Override
		public String toString() {
			return this.rule.id();
		}

	}

	static List<Case> cases() {
		return List.of(
				new Case(LintRule.CONSTRAINT_MISSING_NOT_VALID,
						"ALTER TABLE accounts ADD CONSTRAINT ck_status CHECK (status <> '')",
						"ALTER TABLE accounts ADD CONSTRAINT ck_status CHECK (status <> '') NOT VALID",
						"ALTER TABLE accounts VALIDATE CONSTRAINT ck_status"),
				new Case(LintRule.ADDING_FOREIGN_KEY_CONSTRAINT,
						"ALTER TABLE accounts ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id)",
						"ALTER TABLE accounts ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id) "
								+ "NOT VALID",
						"ALTER TABLE accounts VALIDATE CONSTRAINT fk_owner"),
				new Case(LintRule.ADDING_NOT_NULLABLE_FIELD, "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL",
						"ALTER TABLE accounts ADD CONSTRAINT ck_email_nn CHECK (email IS NOT NULL) NOT VALID",
						"ALTER TABLE accounts VALIDATE CONSTRAINT ck_email_nn"),
				new Case(LintRule.CHANGING_COLUMN_TYPE, "ALTER TABLE accounts ALTER COLUMN name TYPE text",
						"ALTER TABLE accounts ADD COLUMN name_text text",
						"UPDATE accounts SET name_text = name WHERE id BETWEEN 1 AND 1000"),
				new Case(LintRule.ADDING_FIELD_WITH_DEFAULT,
						"ALTER TABLE accounts ADD COLUMN token text DEFAULT md5(random()::text)",
						"ALTER TABLE accounts ADD COLUMN token text",
						"UPDATE accounts SET token = md5(random()::text) WHERE token IS NULL"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void flaggedStatementBlocksBehindAWriterAndTheRewriteDoesNot(Case each) throws SQLException {
		assertThat(flags(each.rule(), LintRuleFixture.POSTGRESQL_SETUP, each.flagged())).isTrue();
		assertThat(flags(each.rule(), LintRuleFixture.POSTGRESQL_SETUP, each.prepare(), each.safe())).isFalse();
		database.get()
			.execute("DROP TABLE IF EXISTS accounts", "DROP TABLE IF EXISTS owners",
					"CREATE TABLE owners (id bigint PRIMARY KEY)",
					"CREATE TABLE accounts (id bigint PRIMARY KEY, email text, name varchar(100), status text, "
							+ "owner_id bigint)",
					"INSERT INTO owners VALUES (1)",
					"INSERT INTO accounts SELECT g, 'a' || g, 'n' || g, 'active', 1 FROM generate_series(1, 1000) g",
					each.prepare());
		try (Connection writer = database.get().connect(); Statement writing = writer.createStatement()) {
			writer.setAutoCommit(false);
			writing.execute("LOCK TABLE accounts IN ROW EXCLUSIVE MODE");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> runWithLockTimeout(database.get(), each.flagged(), false))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("55P03"));
			runWithLockTimeout(database.get(), each.safe(), false);
			writer.rollback();
		}
	}

	/**
	 * Whether the rule flags the statements, each in its own revision after the set-up
	 * revision.
	 */
	static boolean flags(LintRule rule, String setup, String... revisions) {
		Scripts scripts = Scripts.graph().revision(setup);
		for (String revision : revisions) {
			scripts.revision(revision);
		}
		LintReport report = new Linter(LintRuleTests.allRules(), Dialect.POSTGRESQL).lint(scripts.build(), "r1");
		return report.findings().stream().anyMatch((finding) -> finding.rule() == rule);
	}

	/**
	 * Runs a statement in its own transaction with a 200 ms lock_timeout, and commits it
	 * (if it ran) or rolls it back.
	 */
	static void runWithLockTimeout(TestDatabase db, String sql, boolean commit) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("SET LOCAL lock_timeout = '200ms'");
			try {
				statement.execute(sql);
				if (commit) {
					connection.commit();
				}
			}
			finally {
				if (!commit) {
					connection.rollback();
				}
			}
		}
	}

}
