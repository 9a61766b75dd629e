package dev.migration.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.migration.LockTimeoutException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A lock held by another session makes upgrade wait and then fail naming the holder; a
 * non-transactional CREATE INDEX CONCURRENTLY completes while another instance waits.
 */
class LockContentionTests extends ReliabilityTest {

	private static final String REVISION = "10c000000001";

	@Test
	void postgresqlUpgradeTimesOutNamingTheSessionThatHoldsTheAdvisoryLock() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection holder = db.connect()) {
			String scope = db.name() + ".migration_version";
			long key = key(holder, scope);
			holder.setClientInfo("ApplicationName", "lock-holder-test");
			assertThat(single(holder, "SELECT pg_try_advisory_lock(" + key + ")")).isEqualTo("t");
			String pid = single(holder, "SELECT pg_backend_pid()");
			String since;
			try (Statement statement = holder.createStatement();
					ResultSet rs = statement
						.executeQuery("SELECT backend_start FROM pg_stat_activity WHERE pid = " + pid)) {
				rs.next();
				since = rs.getTimestamp(1).toInstant().toString();
			}
			Migrator migrator = migrator(db, Duration.ofSeconds(2));
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessage("Timed out after 2s waiting for the migration lock (PostgreSQL advisory lock " + key
						+ " for " + scope + "); it is held by PostgreSQL session pid " + pid
						+ " (application_name 'lock-holder-test', user " + db.user()
						+ ", client 127.0.0.1, connected since " + since
						+ ", state idle; to end it: SELECT pg_terminate_backend(" + pid
						+ ")). Another migration is probably running: wait for it to finish, end that session if it is "
						+ "stuck, or raise migration.lock-timeout");
			assertThat(db.tables()).doesNotContain("t_1");
		}
	}

	@Test
	void mariadbUpgradeTimesOutNamingTheConnectionThatHoldsTheNamedLock() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB); Connection holder = db.connect()) {
			String name = "migration:" + db.name() + ".migration_version";
			assertThat(single(holder, "SELECT GET_LOCK('" + name + "', 0)")).isEqualTo("1");
			String id = single(holder, "SELECT CONNECTION_ID()");
			String host = single(holder, "SELECT HOST FROM information_schema.PROCESSLIST WHERE ID = " + id);
			Migrator migrator = migrator(db, Duration.ofSeconds(2));
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.getMessage().replaceAll("for \\d+s;", "for Ns;"))
					.isEqualTo("Timed out after 2s waiting for the migration lock (MariaDB/MySQL named lock '" + name
							+ "'); it is held by MariaDB/MySQL connection " + id + " (user " + db.user() + ", host "
							+ host + ", database " + db.name() + ", in its current state for Ns; to end it: KILL " + id
							+ "). Another migration is probably running: wait for it to finish, end that "
							+ "session if it is stuck, or raise migration.lock-timeout"));
			assertThat(db.tables()).doesNotContain("t_1");
		}
	}

	@Test
	void createIndexConcurrentlyCompletesWhileAnotherInstanceWaitsForTheLock() throws Exception {
		Path folder = Files.createDirectories(this.dir.resolve("m"));
		write(folder, "10c000000001", null, "", """
				CREATE TABLE t_1 (id INT, name TEXT);
				INSERT INTO t_1 SELECT g, 'n' || g FROM generate_series(1, 1000) g;
				SELECT pg_sleep(1);
				""");
		write(folder, "10c000000002", "10c000000001", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY t_1_name ON t_1 (name);\n");
		// its own database: CREATE INDEX CONCURRENTLY waits for every older transaction
		// in the
		// database, so a long transaction of a test running beside it would hold it up
		try (TestDatabase db = TestDatabase.createPostgresqlDatabase(); Connection watcher = db.connect()) {
			long key = key(watcher, db.name() + ".migration_version");
			Migrator first = migrator(db, folder, Duration.ofSeconds(60));
			Migrator second = migrator(db, folder, Duration.ofSeconds(60));
			CompletableFuture<MigrationResult> running = CompletableFuture.supplyAsync(() -> first.upgrade("heads"));
			// start the second instance only once the first holds the lock, so it waits
			// through the first's CREATE INDEX CONCURRENTLY
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!"1".equals(single(watcher, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
					+ "AND objid::bigint = " + (key & 0xffffffffL) + " AND classid::bigint = " + (key >>> 32)))) {
				assertThat(System.nanoTime()).as("first instance takes the lock").isLessThan(deadline);
				Thread.sleep(10);
			}
			CompletableFuture<MigrationResult> waiting = CompletableFuture.supplyAsync(() -> second.upgrade("heads"));
			MigrationResult firstResult = running.get(60, TimeUnit.SECONDS);
			MigrationResult secondResult = waiting.get(60, TimeUnit.SECONDS);
			assertThat(firstResult.steps()).hasSize(2);
			assertThat(secondResult.steps()).isEmpty();
			assertThat(db.query("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
					+ "WHERE c.relname = 't_1_name'"))
				.containsExactly(List.of("t"));
			assertThat(Workload.versionTable(db)).containsExactly("10c000000002");
		}
	}

	/**
	 * The engine's advisory lock key, computed by the server as an operator would in
	 * psql: the first 8 bytes of SHA-256 of the scope, as a signed bigint.
	 */
	static long key(Connection connection, String scope) throws SQLException {
		return Long.parseLong(single(connection, "SELECT ('x' || LEFT(ENCODE(SHA256(CONVERT_TO('dev.migration:" + scope
				+ "', 'UTF8')), 'hex'), 16))::bit(64)::bigint"));
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

	private Migrator migrator(TestDatabase db, Duration lockTimeout) throws IOException {
		Path folder = Files.createDirectories(this.dir.resolve("one"));
		write(folder, REVISION, null, "", "CREATE TABLE t_1 (id INT);\n");
		return migrator(db, folder, lockTimeout);
	}

	private static Migrator migrator(TestDatabase db, Path folder, Duration lockTimeout) {
		return new Migrator(MigrationConfig.builder()
			.dataSource(db.dataSource())
			.locations("filesystem:" + folder)
			.lockTimeout(lockTimeout)
			.build());
	}

	private static void write(Path folder, String id, String revises, String extraHeader, String upgrade)
			throws IOException {
		Files.writeString(folder.resolve(id + "_step.sql"),
				"-- migration: step\n-- revision: " + id + "\n"
						+ ((revises != null) ? "-- revises: " + revises + "\n" : "") + extraHeader + "\n-- +upgrade\n"
						+ upgrade);
	}

}
