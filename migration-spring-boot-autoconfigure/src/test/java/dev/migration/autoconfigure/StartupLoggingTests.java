package dev.migration.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.migration.LockMode;
import dev.migration.lock.LockRequest;
import dev.migration.lock.MigrationLock;
import dev.migration.lock.TransactionGate;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a starting application logs: who holds the lock while it waits (on real PostgreSQL
 * and MariaDB sessions), one INFO line when the database is already at the target, and
 * the verdict of a {@code validate} start.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLoggingTests {

	private static final String INTERVAL = "migration.lock.wait-log-interval-ms";

	@BeforeEach
	void reportWaitsOften() {
		System.setProperty(INTERVAL, "500");
	}

	@AfterEach
	void restoreTheInterval() {
		System.clearProperty(INTERVAL);
	}

	@Test
	void aStartWaitingForThePostgresqlLockLogsWhoHoldsItAndHowLongIsLeft(CapturedOutput output) throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection holder = db.connect()) {
			String scope = db.name() + ".migration_version";
			holder.setClientInfo("ApplicationName", "lock-holder-test");
			assertThat(query(holder, "SELECT pg_try_advisory_lock(" + advisoryKey(scope) + ")")).isEqualTo("t");
			String pid = query(holder, "SELECT pg_backend_pid()");
			CompletableFuture<Void> release = releaseLater(output, holder, "SELECT pg_advisory_unlock_all()");
			start(db, "--migration.lock-timeout=30");
			release.get(30, TimeUnit.SECONDS);
			assertThat(output).containsPattern("Waiting for the migration lock \\(PostgreSQL advisory lock -?\\d+ for "
					+ scope + "\\): held by PostgreSQL session pid " + pid + " \\(application_name 'lock-holder-test', "
					+ "user " + db.user() + ", client 127\\.0\\.0\\.1, connected since [^,]+, state idle; to end it: "
					+ "SELECT pg_terminate_backend\\(" + pid + "\\)\\); waited \\d+s, \\d+s left before "
					+ "migration\\.lock-timeout");
			assertThat(db.tables()).contains("person");
		}
	}

	@Test
	void aStartWaitingForTheMariadbLockLogsWhoHoldsIt(CapturedOutput output) throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB); Connection holder = db.connect()) {
			String name = "migration:" + db.name() + ".migration_version";
			assertThat(query(holder, "SELECT GET_LOCK('" + name + "', 0)")).isEqualTo("1");
			String id = query(holder, "SELECT CONNECTION_ID()");
			CompletableFuture<Void> release = releaseLater(output, holder, "SELECT RELEASE_LOCK('" + name + "')");
			start(db, "--migration.lock-timeout=30");
			release.get(30, TimeUnit.SECONDS);
			assertThat(output).containsPattern("Waiting for the migration lock \\(MariaDB/MySQL named lock '" + name
					+ "'\\): held by MariaDB/MySQL connection " + id + " \\(user [^,]+, host [^,]+, database "
					+ db.name() + ", in its current state for \\d+s; to end it: KILL " + id
					+ "\\); waited \\d+s, \\d+s left before migration\\.lock-timeout");
			assertThat(db.tables()).contains("person");
		}
	}

	@Test
	void aStartWaitingForTheLeaseTableLogsTheOwnerRow(CapturedOutput output) throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection session = db.connect()) {
			LockRequest request = new LockRequest(db.dataSource(), db.dialect(), db.url(), null,
					"migration_version_lock", db.name() + ".migration_version", Duration.ofSeconds(5),
					Duration.ofSeconds(30), false);
			MigrationLock lease = MigrationLock.acquire(request, LockMode.TABLE, session, new TransactionGate());
			CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
				awaitWaiting(output);
				lease.close();
			});
			start(db, "--migration.lock=table", "--migration.lock-timeout=30");
			release.get(30, TimeUnit.SECONDS);
			assertThat(output).containsPattern("Waiting for the migration lock \\(lease on migration_version_lock for "
					+ db.name() + "\\.migration_version\\): held by process " + ProcessHandle.current().pid()
					+ " on \\S+ \\(.+, since \\S+, lease expires in \\d+ ms\\); waited \\d+s, \\d+s left before "
					+ "migration\\.lock-timeout");
			assertThat(db.tables()).contains("person");
		}
	}

	@Test
	void anUpToDateStartLogsExactlyOneInfoLine(CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			start(db);
			int before = output.getOut().length();
			start(db);
			List<String> ours = output.getOut()
				.substring(before)
				.lines()
				.filter((line) -> line.contains(" INFO ")
						&& (line.contains(" dev.migration.") || line.contains(" d.m.")))
				.toList();
			assertThat(ours).singleElement().asString().endsWith(": c3c3c3c3c3c3: database already at the target");
		}
	}

	@Test
	void aValidateStartLogsItsVerdict(CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			start(db);
			start(db, "--migration.on-startup=validate");
			assertThat(output)
				.contains("c3c3c3c3c3c3: database validated against target 'heads': at the target, nothing changed");
		}
	}

	private static void start(TestDatabase db, String... extra) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] args = new String[3 + extra.length];
		args[0] = "--spring.datasource.url=" + db.url();
		args[1] = "--spring.datasource.username=" + db.user();
		args[2] = "--spring.datasource.password=" + db.password();
		System.arraycopy(extra, 0, args, 3, extra.length);
		application.run(args).close();
	}

	/** Releases the lock once the starting application logged that it waits. */
	private static CompletableFuture<Void> releaseLater(CapturedOutput output, Connection holder, String release) {
		return CompletableFuture.runAsync(() -> {
			try {
				awaitWaiting(output);
				query(holder, release);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static void awaitWaiting(CapturedOutput output) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
		while (!output.getOut().contains("Waiting for the migration lock") && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The engine's advisory lock key: the first 8 bytes of SHA-256 of the scope. */
	private static long advisoryKey(String scope) throws Exception {
		byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
			.digest(("dev.migration:" + scope).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return java.nio.ByteBuffer.wrap(digest).getLong();
	}

	private static String query(Connection connection, String sql) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class })
	static class App {

	}

}
