package dev.migration.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.LockTimeoutException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A migrator process killed in the middle of a revision leaves no lock behind once its
 * session has ended, and what it recorded matches what ran; on MariaDB the next run
 * resumes it.
 */
class KilledRunTests {

	@TempDir
	Path dir;

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void aKilledRunLeavesNoLockAndAConsistentRecord(DatabaseKind kind, TestDatabase db) throws Exception {
		// the database name tells this test's sleeping statement from anyone else's
		String sleep = (kind == DatabaseKind.POSTGRESQL) ? "SELECT pg_sleep(120), '" + db.name() + "';"
				: "SELECT SLEEP(4);";
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", "DROP TABLE t1;")
			.add("a2", "a1", "CREATE TABLE t2 (id INT PRIMARY KEY);\n" + sleep, "DROP TABLE t2;");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KillableRun.class.getName(), db.url(), db.user(), db.password(),
				scripts.location())
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("child.log").toFile())
			.start();
		try {
			waitUntilSleeping(db, kind, process);
		}
		finally {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
		Migrator migrator = new Migrator(scripts.config(db).lockTimeout(Duration.ofSeconds(2)).build());
		if (kind == DatabaseKind.POSTGRESQL) {
			// the server ends the orphaned statement instead of sleeping it out
			waitUntilGone(db);
			// the revision's transaction never committed: not applied, not recorded
			assertThat(migrator.current()).containsExactly("a1");
			assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1");
			scripts.add("a2", "a1", "CREATE TABLE t2 (id INT PRIMARY KEY);", "DROP TABLE t2;");
			new Migrator(scripts.config(db).build()).upgrade("heads");
			assertThat(Rows.versions(db)).containsExactly("a2");
		}
		else {
			// the server runs the orphaned SELECT to its end, and its session, which
			// holds
			// the lock, lives until then: a run that cannot wait that long is told who
			// holds the lock
			String session = db
				.query("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP%' AND DB = '"
						+ db.name() + "'")
				.get(0)
				.get(0);
			Migrator hasty = new Migrator(scripts.config(db).lockTimeout(Duration.ofMillis(200)).build());
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> hasty.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.getHolder()).startsWith("MariaDB/MySQL connection " + session + " "));
			// statement 1 committed; its progress row was to commit with the SELECT,
			// which had not run: the row says 0 of 2, and the next run, once the lock
			// is free, finds statement 1's table in the catalog and resumes with the
			// SELECT
			assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE running 0/2");
			Migrator patient = new Migrator(scripts.config(db).lockTimeout(Duration.ofSeconds(30)).build());
			assertThat(patient.upgrade("heads").steps()).extracting((step) -> step.revision()).containsExactly("a2");
			assertThat(Rows.versions(db)).containsExactly("a2");
			assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE failed 0/2",
					"a2 UPGRADE ok 2/2");
		}
		assertThat(Rows.userTables(db)).containsExactly("t1", "t2");
	}

	private static void waitUntilGone(TestDatabase db) throws InterruptedException {
		String probe = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(120), ''" + db.name()
				+ "''%'";
		for (int i = 0; i < 200; i++) {
			if (db.query(probe).get(0).get(0).equals("0")) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the killed migrator's statement still runs on the server");
	}

	private static void waitUntilSleeping(TestDatabase db, DatabaseKind kind, Process process) throws Exception {
		String probe = (kind == DatabaseKind.POSTGRESQL)
				? "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(120), ''" + db.name()
						+ "''%' AND state = 'active'"
				: "SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP%' AND DB = '"
						+ db.name() + "'";
		for (int i = 0; i < 600; i++) {
			if (!db.query(probe).get(0).get(0).equals("0")) {
				return;
			}
			assertThat(process.isAlive()).as("migrator process ended before the revision slept").isTrue();
			Thread.sleep(50);
		}
		throw new AssertionError("the migrator process never reached the sleeping statement");
	}

}
