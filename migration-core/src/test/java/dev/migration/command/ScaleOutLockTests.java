package dev.migration.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.LockLostException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.sql.DriverDataSource;
import dev.migration.testing.ScaleOut;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent runs where session locks exclude nothing, with the default
 * {@code migration.lock=auto}: through PgBouncer in transaction pooling mode, and with
 * each run on another Galera node. Every revision runs exactly once, the lease is
 * released, and on Galera every node's catalog has the tables.
 */
class ScaleOutLockTests {

	private static final int REVISIONS = 20;

	@TempDir
	Path dir;

	private Scripts scripts() {
		Scripts scripts = new Scripts(this.dir);
		for (int i = 1; i <= REVISIONS; i++) {
			scripts.add("r" + i, (i == 1) ? "" : "r" + (i - 1),
					"CREATE TABLE t" + i + " (id INT PRIMARY KEY);\nINSERT INTO t" + i + " VALUES (" + i + ");",
					"DROP TABLE t" + i + ";");
		}
		return scripts;
	}

	@Test
	void concurrentRunsThroughPgBouncerApplyEachRevisionOnce() throws Exception {
		Scripts scripts = scripts();
		try (TestDatabase db = ScaleOut.pgbouncer()) {
			List<TestDatabase> targets = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				targets.add(db);
			}
			assertThat(runConcurrently(scripts, targets)).isEqualTo(REVISIONS);
			assertRanOnce(db);
		}
	}

	@Test
	void concurrentRunsOnDifferentGaleraNodesApplyEachRevisionOnce() throws Exception {
		Scripts scripts = scripts();
		try (ScaleOut.Galera galera = ScaleOut.galera()) {
			List<TestDatabase> targets = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				targets.addAll(galera.nodes());
			}
			targets.add(galera.loadBalanced());
			assertThat(runConcurrently(scripts, targets)).isEqualTo(REVISIONS);
			for (TestDatabase node : galera.nodes()) {
				assertRanOnce(node);
				assertThat(node.tables()).as("tables on %s", node.url()).hasSize(REVISIONS + 4);
			}
		}
	}

	/**
	 * With a 1 s lease the heartbeat renews every third of a second, from a connection on
	 * any node (the load-balanced URL), while the runs write the lease row in their step
	 * transactions on their own node. A renewal that committed on another node during
	 * such a transaction aborted it in certification after the revision's statements had
	 * run, which left a half-applied revision (PartialMigrationException for every later
	 * run). On a loaded machine a 1 s lease can also expire for real; then the run that
	 * lost it must stop before it starts a revision. Either way no revision is
	 * half-applied, and each runs exactly once.
	 */
	@Test
	void heartbeatsFromOtherGaleraNodesNeverLeaveAHalfAppliedRevision() throws Exception {
		Scripts scripts = new Scripts(this.dir);
		for (int i = 1; i <= REVISIONS; i++) {
			scripts.add(
					"r" + i, (i == 1) ? "" : "r" + (i - 1), "CREATE TABLE t" + i
							+ " (id INT PRIMARY KEY);\nINSERT INTO t" + i + " VALUES (" + i + ");\nDO SLEEP(0.1);",
					"DROP TABLE t" + i + ";");
		}
		try (ScaleOut.Galera galera = ScaleOut.galera()) {
			List<TestDatabase> targets = List.of(galera.loadBalanced(), galera.loadBalanced(), galera.nodes().get(0));
			List<Throwable> failures = new ArrayList<>();
			runConcurrently(scripts, targets, Duration.ofSeconds(1), failures);
			assertThat(failures).allMatch((failure) -> failure instanceof LockLostException, "only lost leases");
			// a run that lost its lease stopped cleanly: the next run finishes
			runConcurrently(scripts, List.of(galera.nodes().get(1)), Duration.ofSeconds(30), new ArrayList<>());
			TestDatabase node = galera.nodes().get(2);
			assertThat(Rows.versions(node)).containsExactly("r" + REVISIONS);
			assertThat(Rows.history(node)).hasSize(REVISIONS).allMatch((row) -> row.endsWith("UPGRADE ok 3/3"));
		}
	}

	private int runConcurrently(Scripts scripts, List<TestDatabase> targets) throws Exception {
		return runConcurrently(scripts, targets, MigrationConfig.DEFAULT_LOCK_LEASE, null);
	}

	/**
	 * One run per target, all started at once; returns the steps applied in total. A
	 * failed run fails the test, or with {@code failures} is collected there.
	 */
	private int runConcurrently(Scripts scripts, List<TestDatabase> targets, Duration lease,
			@Nullable List<Throwable> failures) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(targets.size());
		try {
			List<Migrator> migrators = new ArrayList<>();
			for (TestDatabase target : targets) {
				Migrator migrator = new Migrator(scripts.config(target)
					.dataSource(new DriverDataSource(target.url(), target.user(), target.password()))
					.lockLease(lease)
					.build());
				migrator.graph();
				migrators.add(migrator);
			}
			int applied = 0;
			for (Future<MigrationResult> run : ConcurrentRunTests.upgradeTogether(executor, migrators)) {
				try {
					applied += run.get(120, TimeUnit.SECONDS).steps().size();
				}
				catch (ExecutionException ex) {
					if (failures == null) {
						throw ex;
					}
					failures.add(ex.getCause());
				}
			}
			return applied;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void assertRanOnce(TestDatabase db) {
		assertThat(Rows.versions(db)).containsExactly("r" + REVISIONS);
		assertThat(Rows.history(db)).hasSize(REVISIONS).allMatch((row) -> row.endsWith("UPGRADE ok 2/2"));
		for (int i = 1; i <= REVISIONS; i++) {
			assertThat(db.query("SELECT id FROM t" + i)).containsExactly(List.of(Integer.toString(i)));
		}
		// the lease was taken (auto chose the table) and released: no stranded lock
		assertThat(db.query("SELECT expires_at FROM migration_version_lock")).containsExactly(List.of("0"));
	}

}
