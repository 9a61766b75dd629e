package dev.migration.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.migration.LockMode;
import dev.migration.lock.LockRequest;
import dev.migration.lock.MigrationLock;
import dev.migration.lock.TransactionGate;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.ScaleOut;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race and kill suites where session locks exclude nothing, with the default
 * {@code migration.lock=auto} (which picks the lease table there): CLI processes through
 * PgBouncer in transaction pooling mode, and CLI processes spread over the three nodes of
 * a Galera cluster. Fewer revisions and repetitions than {@link RaceTests} and
 * {@link KillTests}: these targets add the lock-choice and replication paths, not more
 * interleavings.
 */
class ScaleOutTests extends ReliabilityTest {

	private static final int REVISIONS = 30;

	private static final int PROCESSES = 4;

	private static final int KILL_REVISIONS = 60;

	@Test
	void cliProcessesThroughPgBouncerApplyEachRevisionOnce() throws Exception {
		Path folder = Workload.write(this.dir, DatabaseKind.POSTGRESQL, REVISIONS, 0);
		try (TestDatabase db = ScaleOut.pgbouncer()) {
			Workload.prepare(db);
			List<TestDatabase> targets = new ArrayList<>();
			for (int i = 0; i < PROCESSES; i++) {
				targets.add(db);
			}
			race(folder, targets);
			assertRanOnce(db);
		}
	}

	@Test
	void cliProcessesOnDifferentGaleraNodesApplyEachRevisionOnce() throws Exception {
		Path folder = Workload.write(this.dir, DatabaseKind.MARIADB, REVISIONS, 0);
		try (ScaleOut.Galera galera = ScaleOut.galera()) {
			Workload.prepare(galera.nodes().get(0));
			List<TestDatabase> targets = new ArrayList<>();
			for (int i = 0; i < PROCESSES; i++) {
				targets.add(galera.nodes().get(i % galera.nodes().size()));
			}
			race(folder, targets);
			for (TestDatabase node : galera.nodes()) {
				// each node's own catalog: the DDL was replicated everywhere
				assertRanOnce(node);
			}
		}
	}

	@Test
	void killedLeaseHolderThroughPgBouncerLeavesNoLockAndARerunFinishes() throws Exception {
		Path folder = Workload.write(this.dir, DatabaseKind.POSTGRESQL, KILL_REVISIONS, 0);
		try (TestDatabase db = ScaleOut.pgbouncer()) {
			Workload.prepare(db);
			killWhileHolding(db, folder);
			// one transaction per revision: the schema is exactly what the version table
			// says
			Set<String> heads = Workload.versionTable(db);
			int applied = heads.isEmpty() ? 0 : Workload.number(heads.iterator().next());
			Set<Integer> recorded = new TreeSet<>(IntStream.rangeClosed(1, applied).boxed().toList());
			assertThat(Workload.createdTables(db)).isEqualTo(recorded);
			assertThat(Workload.sideEffects(db)).isEqualTo(recorded);
			Path work = Files.createDirectories(this.dir.resolve("finish"));
			settings(work, "20s");
			assertThat(Cli.run(db, folder, work, "finish", "upgrade", "heads")).as(Cli.output(work, "finish")).isZero();
			assertThat(Workload.versionTable(db)).containsExactly(Workload.id(KILL_REVISIONS));
			assertThat(Workload.sideEffectRows(db)).isEqualTo(KILL_REVISIONS);
		}
	}

	@Test
	void killedLeaseHolderOnOneGaleraNodeLeavesNoLockForTheOthers() throws Exception {
		Path folder = Workload.write(this.dir, DatabaseKind.MARIADB, KILL_REVISIONS, 0);
		try (ScaleOut.Galera galera = ScaleOut.galera()) {
			Workload.prepare(galera.nodes().get(0));
			killWhileHolding(galera.nodes().get(0), folder);
			// the lease the killed process held on node 1 expires; node 3 gets it
			TestDatabase other = galera.nodes().get(2);
			long start = System.nanoTime();
			try (Connection session = other.connect();
					MigrationLock lock = MigrationLock.acquire(
							new LockRequest(other.dataSource(), other.dialect(), other.url(), null,
									"migration_version_lock", other.name() + ".migration_version",
									Duration.ofSeconds(20), Duration.ofSeconds(2), false),
							LockMode.AUTO, session, new TransactionGate())) {
				assertThat(lock.description())
					.isEqualTo("lease on migration_version_lock for " + other.name() + ".migration_version");
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			for (TestDatabase node : galera.nodes()) {
				Set<String> heads = Workload.versionTable(node);
				int applied = heads.isEmpty() ? 0 : Workload.number(heads.iterator().next());
				assertThat(Workload.createdTables(node)).as(node.url())
					.containsAll(IntStream.rangeClosed(1, applied).boxed().toList());
			}
		}
	}

	/**
	 * Start an upgrade, wait until it holds the lease and has applied a few revisions,
	 * and SIGKILL it.
	 */
	private void killWhileHolding(TestDatabase db, Path folder) throws Exception {
		Path work = Files.createDirectories(this.dir.resolve("kill"));
		settings(work, "20s");
		Process process = Cli.start(db, folder, work, "killed", "upgrade", "heads");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!holdsLeaseAndApplied(db, 5)) {
			assertThat(process.isAlive()).as(Cli.output(work, "killed")).isTrue();
			assertThat(System.nanoTime()).as("lease taken within 60s").isLessThan(deadline);
			Thread.sleep(20);
		}
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(db.query("SELECT COUNT(*) FROM migration_version_lock WHERE expires_at > 0"))
			.as("the killed process left its lease to expire")
			.containsExactly(List.of("1"));
	}

	private static boolean holdsLeaseAndApplied(TestDatabase db, int revisions) {
		try {
			return !db.query("SELECT 1 FROM migration_version_lock WHERE expires_at > 0").isEmpty()
					&& Workload.sideEffectRows(db) >= revisions;
		}
		catch (IllegalStateException ex) {
			// the lock table is not there yet
			return false;
		}
	}

	/** Lock timeout, and a short lease so that a killed holder's lease expires soon. */
	private static void settings(Path work, String lockTimeout) throws Exception {
		Files.writeString(work.resolve("application.properties"),
				"migration.lock-timeout=" + lockTimeout + "\nmigration.lock-lease=2s\n");
	}

	private void race(Path folder, List<TestDatabase> targets) throws Exception {
		Path work = Files.createDirectories(this.dir.resolve("race"));
		settings(work, "120s");
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			processes.add(Cli.start(targets.get(i), folder, work, "p" + i, "upgrade", "heads"));
		}
		for (int i = 0; i < processes.size(); i++) {
			Process process = processes.get(i);
			assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("process %d finished", i).isTrue();
			assertThat(process.exitValue()).as("exit code of process %d: %s", i, Cli.output(work, "p" + i)).isZero();
		}
	}

	private static void assertRanOnce(TestDatabase db) {
		assertThat(Workload.successfulUpgrades(db)).as("successful upgrade rows on %s", db.url()).isEqualTo(REVISIONS);
		assertThat(Workload.sideEffectRows(db)).as("side effect rows on %s", db.url()).isEqualTo(REVISIONS);
		assertThat(Workload.createdTables(db)).as("tables on %s", db.url())
			.isEqualTo(new TreeSet<>(IntStream.rangeClosed(1, REVISIONS).boxed().toList()));
		assertThat(Workload.versionTable(db)).containsExactly(Workload.id(REVISIONS));
		assertThat(db.query("SELECT expires_at FROM migration_version_lock")).as("lease released on %s", db.url())
			.containsExactly(List.of("0"));
	}

}
