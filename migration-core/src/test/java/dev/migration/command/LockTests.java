package dev.migration.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.LockTimeoutException;
import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.MigrationResult;
import dev.migration.RevisionInfo;
import dev.migration.lock.MigrationLock;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LockTests {

	private static final String ADVICE = ". Another migration is probably running: wait for it to finish, end that "
			+ "session if it is stuck, or raise migration.lock-timeout";

	@TempDir
	Path dir;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> new Thread(task, "holder"));

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	/** Holds the migration lock until released. */
	@RevisionInfo(id = "hold", revises = "a1")
	static final class Hold implements Migration {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public void upgrade(MigrationContext context) throws Exception {
			this.entered.countDown();
			this.release.await(60, TimeUnit.SECONDS);
		}

	}

	@EachDatabase
	void waitingForALockHeldByAnotherRunTimesOutSayingWhoHoldsIt(DatabaseKind kind, TestDatabase db) throws Exception {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null);
		Hold hold = new Hold();
		Migrator holder = new Migrator(scripts.config(db).migrations(List.of(hold)).build());
		Future<MigrationResult> running = this.executor.submit(() -> holder.upgrade("heads"));
		assertThat(hold.entered.await(60, TimeUnit.SECONDS)).isTrue();
		Migrator waiter = new Migrator(
				scripts.config(db).migrations(List.of(new Hold())).lockTimeout(Duration.ofSeconds(1)).build());
		LockTimeoutException ex = org.assertj.core.api.Assertions.catchThrowableOfType(LockTimeoutException.class,
				() -> waiter.upgrade("heads"));
		assertThat(ex.getWaited()).isEqualTo(Duration.ofSeconds(1));
		assertThat(ex.getMessage()).matches(expectedMessage(kind, db));
		hold.release.countDown();
		assertThat(running.get(60, TimeUnit.SECONDS).steps()).hasSize(2);
		assertThat(Rows.versions(db)).containsExactly("hold");
		assertThat(waiter.upgrade("heads").steps()).isEmpty();
	}

	@EachDatabase
	void anUpToDateRunReturnsWithoutTheLockWhileARunWithWorkWaitsForIt(DatabaseKind kind, TestDatabase db)
			throws Exception {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null);
		new Migrator(scripts.config(db).build()).upgrade("heads");
		String scope = switch (kind) {
			case POSTGRESQL, MARIADB -> db.name();
			case H2 -> "PUBLIC";
			case SQLITE -> "main";
		} + ".migration_version";
		Dialect dialect = kind.dialect();
		String url;
		try (java.sql.Connection connection = db.connect()) {
			// the URL a run locks on, as the driver reports it
			url = connection.getMetaData().getURL();
		}
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> holding = this.executor.submit(() -> {
			try (java.sql.Connection session = db.connect();
					MigrationLock lock = MigrationLock.acquire(session, dialect, url, scope, Duration.ZERO)) {
				held.countDown();
				release.await(60, TimeUnit.SECONDS);
			}
			return null;
		});
		assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
		MigrationResult result = new Migrator(scripts.config(db).lockTimeout(Duration.ofSeconds(1)).build())
			.upgrade("heads");
		assertThat(result.steps()).isEmpty();
		assertThat(result.fromHeads()).containsExactly("a1");
		scripts.add("a2", "a1", "CREATE TABLE t2 (id INT PRIMARY KEY);", null);
		Migrator pending = new Migrator(scripts.config(db).lockTimeout(Duration.ofSeconds(1)).build());
		assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> pending.upgrade("heads"));
		release.countDown();
		holding.get(60, TimeUnit.SECONDS);
		assertThat(pending.upgrade("heads").steps()).extracting(MigrationResult.Step::revision).containsExactly("a2");
	}

	private static String expectedMessage(DatabaseKind kind, TestDatabase db) {
		String start = "\\QTimed out after 1s waiting for the migration lock (\\E";
		return switch (kind) {
			case POSTGRESQL -> start + "PostgreSQL advisory lock -?\\d+ for " + db.name()
					+ "\\.migration_version\\); it is held by PostgreSQL session pid (\\d+) \\(application_name "
					+ "'migration', user \\w+, client [0-9a-f.:]+, connected since \\S+, state idle; to end it: "
					+ "SELECT pg_terminate_backend\\(\\1\\)\\)" + java.util.regex.Pattern.quote(ADVICE);
			case MARIADB -> start + "MariaDB/MySQL named lock 'migration:" + db.name()
					+ "\\.migration_version'\\); it is held by MariaDB/MySQL connection (\\d+) \\(user \\w+, host "
					+ "[^,]+, database \\w*, in its current state for \\d+s; to end it: KILL \\1\\)"
					+ java.util.regex.Pattern.quote(ADVICE);
			case H2 -> start + "in-process lock on jdbc:h2:mem:" + db.name()
					+ "[^ ]* for PUBLIC\\.migration_version\\); it is held by another migration run in this process "
					+ "\\(thread 'holder'\\)" + java.util.regex.Pattern.quote(ADVICE);
			case SQLITE -> start + "file lock \\S+" + db.name()
					+ "\\.db\\.migration\\.lock for main\\.migration_version\\); it is held by another migration run "
					+ "in this process \\(thread 'holder'\\)" + java.util.regex.Pattern.quote(ADVICE);
		};
	}

	@Test
	void createIndexConcurrentlyCompletesWhileAnotherMigratorWaitsForTheLock() throws Exception {
		// its own database: CREATE INDEX CONCURRENTLY waits for every older transaction
		// in its database
		try (TestDatabase db = TestDatabase.createPostgresqlDatabase()) {
			Scripts scripts = new Scripts(this.dir)
				.add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY, email VARCHAR(100));", null)
				.write("a2", "hold", "-- transactional: false\n", "CREATE INDEX CONCURRENTLY t1_email ON t1 (email);",
						"DROP INDEX CONCURRENTLY t1_email;");
			Hold hold = new Hold();
			Migrator first = new Migrator(scripts.config(db).migrations(List.of(hold)).build());
			Future<MigrationResult> running = this.executor.submit(() -> first.upgrade("heads"));
			assertThat(hold.entered.await(60, TimeUnit.SECONDS)).isTrue();
			Migrator second = new Migrator(scripts.config(db).migrations(List.of(new Hold())).build());
			ExecutorService other = Executors.newSingleThreadExecutor();
			try {
				Future<MigrationResult> waiting = other.submit(() -> second.upgrade("heads"));
				// let the second migrator reach its polling loop before the index is
				// built
				Thread.sleep(500);
				assertThat(waiting.isDone()).isFalse();
				hold.release.countDown();
				assertThat(running.get(60, TimeUnit.SECONDS).steps()).extracting(MigrationResult.Step::revision)
					.containsExactly("a1", "hold", "a2");
				assertThat(waiting.get(60, TimeUnit.SECONDS).steps()).isEmpty();
			}
			finally {
				other.shutdownNow();
			}
			assertThat(db.query("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 't1_email' AND n.nspname = '"
					+ db.name() + "'"))
				.containsExactly(List.of("t"));
			assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "hold UPGRADE ok 0/null",
					"a2 UPGRADE ok 1/1");
		}
	}

	@Test
	void aFileDatabaseIsLockedBesideItsFile() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.SQLITE)) {
			new Scripts(this.dir).linear().migrator(db).upgrade("heads");
			Path file = Path.of(db.url().substring("jdbc:sqlite:".length()) + ".migration.lock");
			assertThat(Files.readString(file)).matches("process \\d+ on \\S+ \\(thread '[^']+', since \\S+\\)");
		}
	}

}
