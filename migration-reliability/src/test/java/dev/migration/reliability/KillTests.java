package dev.migration.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.MigrationConfig;
import dev.migration.PartialMigrationException;
import dev.migration.command.Migrator;
import dev.migration.lock.MigrationLock;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SIGKILL a CLI upgrade of 200 revisions at random moments; after each kill the database
 * says exactly what ran, no lock is left behind, and a rerun finishes the upgrade.
 */
@Tag("reliability")
class KillTests {

	private static final int REVISIONS = 200;

	private static final int SLEEPING_REVISION = 3;

	private static final int KILLS = 20;

	@TempDir
	Path dir;

	/** Kills that left a MariaDB revision part-way (reported, for the record). */
	private int partial;

	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL", "MARIADB" })
	void killedUpgradesLeaveAConsistentDatabaseAndNoLock(DatabaseKind kind) throws Exception {
		long seed = Long.getLong("reliability.seed", System.nanoTime());
		System.out.println("KillTests " + kind + ": seed " + seed + " (rerun with -Dreliability.seed=" + seed + ")");
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
					assertConsistentAfterKill(db, folder,
							"kill " + kills + " after " + delay + " ms (seed " + seed + ")");
				}
				// rerunning finishes the upgrade, with a lock timeout of 5s: no lock is
				// left
				assertThat(Cli.run(db, folder, work, "finish", "upgrade", "heads")).as(Cli.output(work, "finish"))
					.isZero();
				assertComplete(db);
			}
		}
		System.out.println("KillTests " + kind + ": " + kills + " kills on " + databases + " databases, " + this.partial
				+ " left a revision part-way");
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

	private void assertConsistentAfterKill(TestDatabase db, Path folder, String what) {
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
		assertMariadbProgress(db, folder, applied, recorded, what);
	}

	/**
	 * MariaDB commits every statement: the history row of an interrupted revision says
	 * how many statements completed; the next statement may or may not have run (it is
	 * committed by the server before the progress row can be), and the refusal says so.
	 * Then the documented resolution: undo what ran and stamp the version table's
	 * revision.
	 */
	private void assertMariadbProgress(TestDatabase db, Path folder, int applied, Set<Integer> recorded, String what) {
		// killed between creating the version table and the history table: nothing ran
		List<List<String>> last = !db.tables().contains("migration_history") ? List.of()
				: db.query("SELECT revision, success, statements_done, statements_total "
						+ "FROM migration_history ORDER BY id DESC LIMIT 1");
		boolean interrupted = !last.isEmpty() && last.get(0).get(1) == null;
		if (!interrupted) {
			assertThat(Workload.createdTables(db)).as(what).isEqualTo(recorded);
			assertThat(Workload.sideEffects(db)).as(what).isEqualTo(recorded);
			return;
		}
		this.partial++;
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
		assertRan(Workload.sideEffects(db).contains(revision), insert, done, what + ": INSERT of " + revision);
		assertRan(Workload.createdTables(db).contains(revision), create, done, what + ": CREATE of " + revision);
		String version = (applied == 0) ? "base" : Workload.id(applied);
		Migrator migrator = migrator(db, folder);
		String ran = (done == 0) ? "no statement is recorded as completed" : (done == 1)
				? "statement 1 of " + total + " completed" : "statements 1-" + done + " of " + total + " completed";
		assertThatExceptionOfType(PartialMigrationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("A previous upgrade of revision " + Workload.id(revision) + " (")
			.withMessageContaining(Workload.id(revision) + "_step_" + revision + ".sql")
			.withMessageContaining("Progress: " + ran
					+ ((done < total) ? "; statement " + (done + 1) + " may or may not have run" : ""))
			.withMessageContaining("either undo what ran and run 'stamp " + version + "'");
		// docs/engine.md "When a revision fails part-way": undo the statements that ran,
		// then
		// stamp
		// the revision the version table shows
		db.execute("DELETE FROM side_effect WHERE revision = " + revision, "DROP TABLE IF EXISTS t_" + revision);
		migrator.stamp(List.of(version), false);
		assertThat(Workload.versionTable(db)).as(what).isEqualTo(heads(applied));
	}

	private static Set<String> heads(int applied) {
		return (applied == 0) ? Set.of() : Set.of(Workload.id(applied));
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
	private static void assertNoLockLeft(TestDatabase db, String what) {
		try (MigrationLock lock = MigrationLock.acquire(db.dataSource(), db.dialect(), db.url(),
				db.name() + ".migration_version", Duration.ofSeconds(5))) {
			assertThat(lock.description()).as(what).isNotEmpty();
		}
	}

	private static Migrator migrator(TestDatabase db, Path folder) {
		return new Migrator(MigrationConfig.builder()
			.dataSource(db.dataSource())
			.locations("filesystem:" + folder)
			.lockTimeout(Duration.ofSeconds(5))
			.build());
	}

	private static void assertComplete(TestDatabase db) {
		Set<Integer> all = new TreeSet<>(IntStream.rangeClosed(1, REVISIONS).boxed().toList());
		assertThat(Workload.versionTable(db)).containsExactly(Workload.id(REVISIONS));
		assertThat(Workload.createdTables(db)).isEqualTo(all);
		assertThat(Workload.sideEffects(db)).isEqualTo(all);
		assertThat(Workload.sideEffectRows(db)).isEqualTo(REVISIONS);
	}

}
