package dev.migration.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many migrators start at once on one database with 200 pending revisions: the lock lets
 * exactly one apply them, the others find nothing to do.
 */
class RaceTests extends ReliabilityTest {

	private static final int REVISIONS = 200;

	private static final int REPETITIONS = 5;

	private static final int PROCESSES = 8;

	private static final int THREADS = 32;

	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL", "MARIADB" })
	void eightCliProcessesApplyEachRevisionOnce(DatabaseKind kind) throws Exception {
		Path folder = Workload.write(this.dir, kind, REVISIONS, 0);
		for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
			try (TestDatabase db = TestDatabase.create(kind)) {
				Workload.prepare(db);
				Path work = java.nio.file.Files.createDirectories(this.dir.resolve("run" + repetition));
				Cli.settings(work, "120s");
				List<Process> processes = new ArrayList<>();
				for (int i = 0; i < PROCESSES; i++) {
					processes.add(Cli.start(db, folder, work, "p" + i, "upgrade", "heads"));
				}
				for (int i = 0; i < PROCESSES; i++) {
					Process process = processes.get(i);
					assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("process %d finished", i).isTrue();
					assertThat(process.exitValue()).as("exit code of process %d: %s", i, Cli.output(work, "p" + i))
						.isZero();
				}
				assertRanOnce(db);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL", "MARIADB" })
	void thirtyTwoThreadsWithTheirOwnPoolsApplyEachRevisionOnce(DatabaseKind kind) throws Exception {
		Path folder = Workload.write(this.dir, kind, REVISIONS, 0);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
				try (TestDatabase db = TestDatabase.create(kind)) {
					Workload.prepare(db);
					CyclicBarrier start = new CyclicBarrier(THREADS);
					List<Future<MigrationResult>> results = new ArrayList<>();
					for (int i = 0; i < THREADS; i++) {
						results.add(executor.submit(() -> {
							try (HikariDataSource pool = pool(db)) {
								Migrator migrator = new Migrator(MigrationConfig.builder()
									.dataSource(pool)
									.locations("filesystem:" + folder)
									.lockTimeout(Duration.ofSeconds(120))
									.build());
								migrator.graph();
								start.await(60, TimeUnit.SECONDS);
								return migrator.upgrade("heads");
							}
						}));
					}
					int applied = 0;
					for (Future<MigrationResult> result : results) {
						applied += result.get(180, TimeUnit.SECONDS).steps().size();
					}
					assertThat(applied).as("steps applied over all threads").isEqualTo(REVISIONS);
					assertRanOnce(db);
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static HikariDataSource pool(TestDatabase db) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(db.url());
		config.setUsername(db.user());
		config.setPassword(db.password());
		// one connection: a run takes its lock on its work connection, and the pool hands
		// the same physical connection to every command of the migrator
		config.setMaximumPoolSize(1);
		config.setMinimumIdle(0);
		config.setConnectionTimeout(60_000);
		return new HikariDataSource(config);
	}

	private static void assertRanOnce(TestDatabase db) {
		assertThat(Workload.successfulUpgrades(db)).as("successful upgrade rows in the history table")
			.isEqualTo(REVISIONS);
		assertThat(Workload.sideEffectRows(db)).as("side effect rows").isEqualTo(REVISIONS);
		assertThat(Workload.sideEffects(db)).as("distinct side effects")
			.containsExactlyElementsOf(IntStream.rangeClosed(1, REVISIONS).boxed().toList());
		assertThat(Workload.createdTables(db)).hasSize(REVISIONS);
		assertThat(Workload.versionTable(db)).containsExactly(Workload.id(REVISIONS));
	}

}
