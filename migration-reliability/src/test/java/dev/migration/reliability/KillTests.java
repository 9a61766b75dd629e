package dev.migration.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.lock.MigrationLock;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL a CLI upgrade of 200 revisions at random moments; after each kill the database
 * says exactly what ran, no lock is left behind, and a rerun finishes the upgrade.
 */
class KillTests extends ReliabilityTest {

	private static final int REVISIONS = 200;

	private static final int SLEEPING_REVISION = 3;

	private static final int KILLS = 20;

	/** History rows of MariaDB revisions that kills left part-way. */
	private final Set<String> partial = new TreeSet<>();

	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL", "MARIADB" })
	void killedUpgradesLeaveAConsistentDatabaseAndNoLock(DatabaseKind kind) throws Exception {
		long seed = seed("KillTests " + kind);
		Random random = new Random(seed);
		Path folder = Workload.write(this.dir, kind, REVISIONS, SLEEPING_REVISION);
		Path work = Files.createDirectories(this.dir.resolve("work"));
		Cli.settings(work, "5s");
		long startupMillis = startup(kind, work);
		long fullRunMillis = calibrate(kind, folder, work);
		// a load spike can make the start-up look as long as the full run
		long perRevisionMillis = Math.max(1, Math.max(fullRunMillis - startupMillis, fullRunMillis / 2) / REVISIONS);
		// each kill lands in JVM start-up, the wait for the lock or the next ~20
		// revisions, so 20 kills walk through the whole chain on one or two databases
		long window = Math.min(startupMillis, fullRunMillis / 2) + 20 * perRevisionMillis;
		System.out.println("KillTests " + kind + ": start-up " + startupMillis + " ms, full run " + fullRunMillis
				+ " ms, kill window " + window + " ms");
		int kills = 0;
		int databases = 0;
		int resumed = 0;
		while (kills < KILLS) {
			assertThat(++databases).as("databases used for %d kills (seed %d)", KILLS, seed).isLessThanOrEqualTo(30);
			try (TestDatabase db = TestDatabase.create(kind)) {
				Workload.prepare(db);
				while (kills < KILLS) {
					Process process = Cli.start(db, folder, work, "run", "upgrade", "heads");
					long delay = (long) (random.nextDouble() * window);
					if (process.waitFor(delay, TimeUnit.MILLISECONDS)) {
						// finished before the kill: the upgrade is complete, go on with a
						// fresh database
						assertThat(process.exitValue()).as(Cli.output(work, "run")).isZero();
						// the calibration overestimated: kill sooner from now on
						window = Math.max(200, window * 7 / 10);
						break;
					}
					process.destroyForcibly();
					assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
					kills++;
					assertConsistentAfterKill(db, "kill " + kills + " after " + delay + " ms (seed " + seed + ")");
				}
				// rerunning finishes the upgrade, with a lock timeout of 5s: no lock is
				// left
				assertThat(Cli.run(db, folder, work, "finish", "upgrade", "heads")).as(Cli.output(work, "finish"))
					.isZero();
				assertComplete(db);
				resumed += (kind == DatabaseKind.MARIADB) ? resumed(db) : 0;
			}
		}
		System.out.println("KillTests " + kind + ": " + kills + " kills on " + databases + " databases, "
				+ this.partial.size() + " left a revision part-way, " + resumed + " of them resumed alone");
		// every run after a kill succeeded or was killed itself; each revision left
		// part-way
		// was resumed by a later run, whose history row says so
		assertThat(resumed).isEqualTo(this.partial.size());
	}

	/** JVM start-up and connecting, without migrating. */
	private long startup(DatabaseKind kind, Path work) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind)) {
			long start = System.nanoTime();
			assertThat(Cli.run(db, this.dir, work, "startup", "current")).as(Cli.output(work, "startup")).isZero();
			return (System.nanoTime() - start) / 1_000_000;
		}
	}

	/**
	 * The duration of an uninterrupted run, JVM start included, to draw kill moments
	 * from.
	 */
	private long calibrate(DatabaseKind kind, Path folder, Path work) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Workload.prepare(db);
			long start = System.nanoTime();
			assertThat(Cli.run(db, folder, work, "calibrate", "upgrade", "heads")).as(Cli.output(work, "calibrate"))
				.isZero();
			assertComplete(db);
			return (System.nanoTime() - start) / 1_000_000;
		}
	}

	private void assertConsistentAfterKill(TestDatabase db, String what) throws SQLException {
		assertNoLockLeft(db, what);
		if (!db.tables().contains("migration_version")) {
			// killed before the tables were created: nothing ran
			assertThat(Workload.createdTables(db)).as(what).isEmpty();
			assertThat(Workload.sideEffectRows(db)).as(what).isZero();
			return;
		}
		Set<String> heads = Workload.versionTable(db);
		assertThat(heads).as(what).hasSizeLessThanOrEqualTo(1);
		int applied = heads.isEmpty() ? 0 : Workload.number(heads.iterator().next());
		Set<Integer> recorded = new TreeSet<>(IntStream.rangeClosed(1, applied).boxed().toList());
		if (db.kind() == DatabaseKind.POSTGRESQL) {
			// one transaction per revision: the schema is exactly what the version table
			// says
			assertThat(Workload.createdTables(db)).as(what).isEqualTo(recorded);
			assertThat(Workload.sideEffects(db)).as(what).isEqualTo(recorded);
			assertThat(Workload.sideEffectRows(db)).as(what).isEqualTo(applied);
			return;
		}
		assertMariadbProgress(db, applied, recorded, what);
	}

	/**
	 * MariaDB commits every statement: the history row of an interrupted revision says
	 * how many statements completed; the next statement may or may not have run (it is
	 * committed by the server before the progress row can be). The next run resumes it
	 * without a person: the INSERT commits with its progress row, and whether the CREATE
	 * ran the catalog tells; a run that refused would end before its kill and fail the
	 * test.
	 */
	private void assertMariadbProgress(TestDatabase db, int applied, Set<Integer> recorded, String what) {
		// killed between creating the version table and the history table: nothing ran
		List<List<String>> last = !db.tables().contains("migration_history") ? List.of()
				: db.query("SELECT revision, success, statements_done, statements_total, id "
						+ "FROM migration_history ORDER BY id DESC LIMIT 1");
		boolean interrupted = !last.isEmpty() && last.get(0).get(1) == null;
		if (!interrupted) {
			assertThat(Workload.createdTables(db)).as(what).isEqualTo(recorded);
			assertThat(Workload.sideEffects(db)).as(what).isEqualTo(recorded);
			return;
		}
		// a run killed before it resumed the row sees the same row again
		this.partial.add(db.name() + "#" + last.get(0).get(4));
		int revision = Workload.number(last.get(0).get(0));
		int done = Integer.parseInt(last.get(0).get(2));
		int total = Integer.parseInt(last.get(0).get(3));
		assertThat(revision).as(what).isEqualTo(applied + 1);
		assertThat(Workload.createdTables(db)).as(what).isSubsetOf(union(recorded, revision));
		assertThat(Workload.sideEffects(db)).as(what).isSubsetOf(union(recorded, revision));
		assertThat(Workload.createdTables(db)).as(what).containsAll(recorded);
		// statement numbers of this revision's side effects
		int insert = (revision == SLEEPING_REVISION) ? 2 : 1;
		int create = insert + 1;
		assertThat(total).as(what).isEqualTo(create);
		// the INSERT commits with its progress row: never in doubt
		assertThat(Workload.sideEffects(db).contains(revision)).as(what + ": INSERT of " + revision)
			.isEqualTo(insert <= done);
		assertRan(Workload.createdTables(db).contains(revision), create, done, what + ": CREATE of " + revision);
	}

	/** History rows a run closed because it resumed them alone. */
	private static int resumed(TestDatabase db) {
		return Integer.parseInt(db.query("SELECT COUNT(*) FROM migration_history WHERE error_message LIKE "
				+ "'The process ended mid-way; the next run resumed it:%'")
			.get(0)
			.get(0));
	}

	/**
	 * Statement {@code index} ran if {@code index <= done}; did not if
	 * {@code > done + 1}.
	 */
	private static void assertRan(boolean ran, int index, int done, String what) {
		if (index <= done) {
			assertThat(ran).as(what + " (statement " + index + ", recorded done " + done + ")").isTrue();
		}
		else if (index > done + 1) {
			assertThat(ran).as(what + " (statement " + index + ", recorded done " + done + ")").isFalse();
		}
	}

	private static Set<Integer> union(Set<Integer> set, int one) {
		Set<Integer> union = new TreeSet<>(set);
		union.add(one);
		return union;
	}

	/** The engine's own lock, taken with a short timeout: nothing holds it any more. */
	private static void assertNoLockLeft(TestDatabase db, String what) throws SQLException {
		try (Connection session = db.connect();
				MigrationLock lock = MigrationLock.acquire(session, db.dialect(), db.url(),
						db.name() + ".migration_version", Duration.ofSeconds(5))) {
			assertThat(lock.description()).as(what).isNotEmpty();
		}
	}

	private static void assertComplete(TestDatabase db) {
		Set<Integer> all = new TreeSet<>(IntStream.rangeClosed(1, REVISIONS).boxed().toList());
		assertThat(Workload.versionTable(db)).containsExactly(Workload.id(REVISIONS));
		assertThat(Workload.createdTables(db)).isEqualTo(all);
		assertThat(Workload.sideEffects(db)).isEqualTo(all);
		assertThat(Workload.sideEffectRows(db)).isEqualTo(REVISIONS);
	}

}
