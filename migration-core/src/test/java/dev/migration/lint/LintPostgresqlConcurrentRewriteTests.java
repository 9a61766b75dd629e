package dev.migration.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.testing.ClassDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The PostgreSQL index rules against the real server. While the application has a
 * transaction open on the table (ROW EXCLUSIVE, as every writer holds), the flagged
 * statement cannot get its lock within a 200 ms {@code lock_timeout}. Its
 * {@code CONCURRENTLY} rewrite does wait for that transaction to end, as PostgreSQL
 * documents, but while it waits, new writers keep writing: it blocks nobody. Each rewrite
 * then completes once the old transaction ends.
 * <p>
 * The database is this class's own: a {@code CONCURRENTLY} build waits for every older
 * transaction in its database, so another test's transaction would hold it up.
 */
class LintPostgresqlConcurrentRewriteTests {

	/** The table the rewrites run on, as the lint sees it. */
	private static final String ACCOUNTS = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text, status text)";

	@RegisterExtension
	static final ClassDatabase database = new ClassDatabase(TestDatabase::createPostgresqlDatabase);

	record Case(LintRule rule, String prepare, String flagged, String rewrite, String after, String check) {

		@Override
		public String toString() {
			return this.rule.id();
		}

	}

	static List<Case> cases() {
		return List.of(
				new Case(LintRule.REQUIRE_CONCURRENT_INDEX_CREATION, "SELECT 1",
						"CREATE INDEX ix_accounts_email ON accounts (email)",
						"CREATE INDEX CONCURRENTLY ix_accounts_email ON accounts (email)", "SELECT 1",
						"SELECT count(*) FROM pg_index WHERE indexrelid = 'ix_accounts_email'::regclass "
								+ "AND indisvalid"),
				new Case(LintRule.REQUIRE_CONCURRENT_INDEX_DELETION,
						"CREATE INDEX ix_accounts_email ON accounts (email)", "DROP INDEX ix_accounts_email",
						"DROP INDEX CONCURRENTLY ix_accounts_email", "SELECT 1",
						"SELECT 1 - count(*) FROM pg_class WHERE relname = 'ix_accounts_email'"),
				new Case(LintRule.DISALLOWED_UNIQUE_CONSTRAINT, "SELECT 1",
						"ALTER TABLE accounts ADD CONSTRAINT uq_accounts_email UNIQUE (email)",
						"CREATE UNIQUE INDEX CONCURRENTLY uq_accounts_email_idx ON accounts (email)",
						"ALTER TABLE accounts ADD CONSTRAINT uq_accounts_email UNIQUE USING INDEX uq_accounts_email_idx",
						"SELECT count(*) FROM pg_constraint WHERE conname = 'uq_accounts_email' AND contype = 'u'"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void flaggedStatementBlocksAndTheConcurrentRewriteLetsWritersThrough(Case each) throws Exception {
		assertThat(LintPostgresqlLockTests.flags(each.rule(), ACCOUNTS, each.flagged()))
			.as("the rule flags %s", each.flagged())
			.isTrue();
		assertThat(LintPostgresqlLockTests.flags(each.rule(), ACCOUNTS, each.rewrite() + ";\n" + each.after()))
			.as("the rule passes %s", each.rewrite())
			.isFalse();
		database.get()
			.execute("DROP TABLE IF EXISTS accounts",
					"CREATE TABLE accounts (id bigint PRIMARY KEY, email text, status text)",
					"INSERT INTO accounts SELECT g, 'a' || g, 'active' FROM generate_series(1, 1000) g",
					each.prepare());
		CompletableFuture<Void> rewrite;
		try (Connection writer = database.get().connect(); Statement writing = writer.createStatement()) {
			writer.setAutoCommit(false);
			writing.execute("INSERT INTO accounts VALUES (100001, 'open@example.com', 'active')");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> LintPostgresqlLockTests.runWithLockTimeout(database.get(), each.flagged(), true))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("55P03"));
			rewrite = CompletableFuture.runAsync(() -> database.get().execute(each.rewrite()));
			awaitWaiting(each.rewrite());
			// the rewrite waits for the open transaction: meanwhile writers are not held
			LintPostgresqlLockTests.runWithLockTimeout(database.get(),
					"INSERT INTO accounts VALUES (100002, 'new@example.com', 'active')", true);
			LintPostgresqlLockTests.runWithLockTimeout(database.get(),
					"UPDATE accounts SET status = 'closed' WHERE id = 1", true);
			assertThat(rewrite).isNotDone();
			writer.commit();
		}
		rewrite.get(60, TimeUnit.SECONDS);
		database.get().execute(each.after());
		assertThat(database.get().query(each.check())).containsExactly(List.of("1"));
	}

	/** Waits until the statement shows in pg_stat_activity waiting for a lock. */
	private static void awaitWaiting(String sql) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String prefix = sql.substring(0, 30).replace("'", "''");
		while (System.nanoTime() < deadline) {
			List<List<String>> rows = database.get()
				.query("SELECT wait_event_type FROM pg_stat_activity WHERE query LIKE '" + prefix
						+ "%' AND pid <> pg_backend_pid()");
			if (!rows.isEmpty() && "Lock".equals(rows.get(0).get(0))) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("'" + sql + "' was not seen waiting for the open transaction within 30 s");
	}

}
