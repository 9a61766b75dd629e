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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.MigrationResult;
import dev.migration.sql.DriverDataSource;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentRunTests {

	private static final int THREADS = 8;

	private static final int REVISIONS = 20;

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void concurrentUpgradesApplyEachRevisionExactlyOnce(DatabaseKind kind) throws Exception {
		Scripts scripts = new Scripts(this.dir);
		for (int i = 1; i <= REVISIONS; i++) {
			scripts.add("r" + i, (i == 1) ? "" : "r" + (i - 1),
					"CREATE TABLE t" + i + " (id INT PRIMARY KEY);\nINSERT INTO t" + i + " VALUES (" + i + ");",
					"DROP TABLE t" + i + ";");
		}
		try (TestDatabase db = TestDatabase.create(kind)) {
			ExecutorService executor = Executors.newFixedThreadPool(THREADS);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<MigrationResult>> runs = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					Migrator migrator = new Migrator(scripts.config(db)
						.dataSource(new DriverDataSource(db.url(), db.user(), db.password()))
						.build());
					runs.add(executor.submit(() -> {
						start.await();
						return migrator.upgrade("heads");
					}));
				}
				start.countDown();
				int applied = 0;
				for (Future<MigrationResult> run : runs) {
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
	}

}
