package dev.migration.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The MySQL/MariaDB rules' knowledge of which {@code ALTER} copies the table, checked
 * against the server the tests run on: what the linter calls a copy, the server refuses
 * to run with {@code ALGORITHM=INPLACE}; what it asks to run in place, the server runs
 * with {@code ALGORITHM=INPLACE, LOCK=NONE}; what it lets through, the server runs with
 * {@code ALGORITHM=INSTANT}. The linter is told the server's own version.
 */
class LintMariadbAlgorithmTests {

	private static TestDatabase database;

	private static String server;

	@BeforeAll
	static void createDatabase() throws SQLException {
		database = TestDatabase.create(DatabaseKind.MARIADB);
		String version = database.query("SELECT VERSION()").get(0).get(0);
		assertThat(version).as("these tests know MariaDB's algorithms").containsIgnoringCase("mariadb");
		server = "mariadb-" + version.replaceAll("^(\\d+\\.\\d+\\.\\d+).*", "$1");
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ALTER TABLE accounts ADD COLUMN note VARCHAR(20)",
			"ALTER TABLE accounts ADD COLUMN note VARCHAR(20) AFTER id", "ALTER TABLE accounts DROP COLUMN bio",
			"ALTER TABLE accounts MODIFY score BIGINT", "ALTER TABLE accounts MODIFY name VARCHAR(120)",
			"ALTER TABLE accounts MODIFY email VARCHAR(100)", "ALTER TABLE accounts MODIFY name VARCHAR(100) NOT NULL",
			"ALTER TABLE accounts CONVERT TO CHARACTER SET latin1", "ALTER TABLE accounts DROP PRIMARY KEY",
			"ALTER TABLE accounts DROP PRIMARY KEY, ADD PRIMARY KEY (id, email)",
			"ALTER TABLE accounts ADD INDEX ix_name (name)",
			"ALTER TABLE accounts ADD CONSTRAINT uq_name UNIQUE (name)",
			"ALTER TABLE accounts DROP INDEX ix_accounts_email",
			"ALTER TABLE accounts ALTER COLUMN status SET DEFAULT 'new'",
			"ALTER TABLE accounts RENAME COLUMN bio TO biography",
			"ALTER TABLE accounts ADD COLUMN doubled INT AS (score * 2) STORED",
			"ALTER TABLE accounts ADD COLUMN code VARCHAR(10) UNIQUE",
			"ALTER TABLE accounts ADD CONSTRAINT ck_score CHECK (score >= 0)" })
	void linterAgreesWithTheServerOnWhatCopiesTheTable(String alter) throws SQLException {
		Set<LintRule> rules = lint(alter);
		reset();
		if (rules.contains(LintRule.MYSQL_TABLE_COPY)) {
			assertThatExceptionOfType(SQLException.class)
				.as("the linter says '%s' copies the table, so the server must refuse it in place", alter)
				.isThrownBy(() -> run(alter + ", ALGORITHM=INPLACE"));
		}
		else if (rules.contains(LintRule.MYSQL_MISSING_ALGORITHM_LOCK)) {
			run(alter + ", ALGORITHM=INPLACE, LOCK=NONE");
		}
		else {
			run(alter + ", ALGORITHM=INSTANT");
		}
	}

	private static Set<LintRule> lint(String alter) {
		Scripts scripts = Scripts.graph().revision(LintRuleFixture.MYSQL_SETUP).revision(alter);
		LintConfig config = LintConfig.of(Map.of(), "warning", server);
		LintReport report = new Linter(config, Dialect.MYSQL).lint(scripts.build(), "r1");
		return report.findings().stream().map(LintFinding::rule).collect(Collectors.toSet());
	}

	private static void reset() {
		database.execute("DROP TABLE IF EXISTS accounts", "DROP TABLE IF EXISTS owners");
		for (String statement : LintRuleFixture.MYSQL_SETUP.split(";")) {
			if (!statement.isBlank()) {
				database.execute(statement);
			}
		}
		database.execute("INSERT INTO accounts (id, email, name, status, score) VALUES (1, 'a', 'n', 's', 1)");
	}

	private static void run(String sql) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
