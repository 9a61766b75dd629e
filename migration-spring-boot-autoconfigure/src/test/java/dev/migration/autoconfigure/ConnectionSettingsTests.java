package dev.migration.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migration.command.Migrator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migration.connect-retries}, {@code connect-retries-interval} and
 * {@code init-sqls} at startup.
 */
class ConnectionSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class));

	@TempDir
	Path dir;

	@Test
	void startupWaitsForADatabaseThatIsStillStarting() {
		String url = "jdbc:h2:file:" + this.dir.resolve("late");
		CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
			try (Connection created = DriverManager.getConnection(url, "sa", "")) {
				// the database exists from now on
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
		long start = System.nanoTime();
		this.runner
			.withPropertyValues("migration.url=" + url + ";IFEXISTS=TRUE", "migration.user=sa",
					"migration.connect-retries=20", "migration.connect-retries-interval=100ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// the first attempts failed: the database appeared only after 700 ms
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(600));
				assertThat(context.getBean(Migrator.class).current()).containsExactly("c3c3c3c3c3c3");
			});
		starting.join();
	}

	@Test
	void withoutRetriesStartupFailsAtOnce() {
		this.runner
			.withPropertyValues("migration.url=jdbc:h2:file:" + this.dir.resolve("never") + ";IFEXISTS=TRUE",
					"migration.user=sa")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("not found"));
	}

	@Test
	void initSqlsRunOnTheMigrationConnection() {
		String url = "jdbc:h2:mem:starter_init;DB_CLOSE_DELAY=-1";
		this.runner
			.withPropertyValues("migration.url=" + url, "migration.user=sa",
					"migration.init-sqls=CREATE SCHEMA IF NOT EXISTS app,SET SCHEMA app")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				try (Connection connection = DriverManager.getConnection(url, "sa", "");
						ResultSet person = connection.getMetaData().getTables(null, "APP", "PERSON", null)) {
					assertThat(person.next()).as("person created in schema app").isTrue();
					connection.createStatement().execute("SHUTDOWN");
				}
			});
	}

}
