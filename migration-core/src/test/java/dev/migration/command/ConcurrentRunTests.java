package dev.migration.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationResult;
import dev.migration.sql.DriverDataSource;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentRunTests {

	private static final int THREADS = 8;

	private static final int REVISIONS = 20;

	@TempDir
	Path dir;

	@EachDatabase
	void concurrentUpgradesApplyEachRevisionExactlyOnce(TestDatabase db) throws Exception {
		Scripts scripts = new Scripts(this.dir);
		for (int i = 1; i <= REVISIONS; i++) {
			scripts.add("r" + i, (i == 1) ? "" : "r" + (i - 1),
					"CREATE TABLE t" + i + " (id INT PRIMARY KEY);\nINSERT INTO t" + i + " VALUES (" + i + ");",
					"DROP TABLE t" + i + ";");
		}
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Migrator> migrators = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				migrators.add(new Migrator(scripts.config(db)
					.dataSource(new DriverDataSource(db.url(), db.user(), db.password()))
					.build()));
			}
			int applied = 0;
			for (Future<MigrationResult> run : upgradeTogether(executor, migrators)) {
				applied += run.get(120, TimeUnit.SECONDS).steps().size();
			}
			assertThat(applied).isEqualTo(REVISIONS);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(Rows.versions(db)).containsExactly("r" + REVISIONS);
		assertThat(Rows.history(db)).hasSize(REVISIONS).allMatch((row) -> row.endsWith("UPGRADE ok 2/2"));
	}

	/**
	 * Starts an upgrade to heads by each migrator on the executor, all released at once.
	 * @return the runs, in the order of the migrators
	 */
	static List<Future<MigrationResult>> upgradeTogether(ExecutorService executor, List<Migrator> migrators) {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MigrationResult>> runs = new ArrayList<>();
		for (Migrator migrator : migrators) {
			runs.add(executor.submit(() -> {
				start.await();
				return migrator.upgrade("heads");
			}));
		}
		start.countDown();
		return runs;
	}

}
