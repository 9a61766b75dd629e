package dev.migration.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationConfig;
import dev.migration.MigrationConfigBuilder;
import dev.migration.MigrationException;
import dev.migration.command.Migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code connect-retries} against a database that appears while the migration waits (an
 * H2 file database opened with {@code IFEXISTS=TRUE} fails until it is created), and
 * {@code init-sqls} on the migration's connection.
 */
class ConnectorTests {

	@TempDir
	Path dir;

	private MigrationConfigBuilder config(String url) {
		return MigrationConfig.builder()
			.dataSource(new DriverDataSource(url, "sa", ""))
			.locations("classpath:dev/migration/script/fixture");
	}

	@Test
	void retriesUntilTheDatabaseIsUp() throws Exception {
		String db = "jdbc:h2:file:" + this.dir.resolve("late");
		CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
			try (Connection created = DriverManager.getConnection(db, "sa", "")) {
				// the database exists from now on
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
		MigrationConfig config = config(db + ";IFEXISTS=TRUE").connectRetries(20)
			.connectRetriesInterval(Duration.ofMillis(100))
			.build();
		long start = System.nanoTime();
		try (Connection connection = Connector.connect(config.dataSource(), config)) {
			// the first attempts failed: the database appeared only after 700 ms
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(600));
			assertThat(connection.isValid(1)).isTrue();
		}
		starting.join();
	}

	@Test
	void failsNamingTheRetriesWhenTheDatabaseStaysDown() {
		MigrationConfig config = config("jdbc:h2:file:" + this.dir.resolve("never") + ";IFEXISTS=TRUE")
			.connectRetries(2)
			.connectRetriesInterval(Duration.ofMillis(10))
			.build();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> new Migrator(config).upgrade("heads"))
			.withMessageStartingWith("Cannot connect to the database (")
			.withMessageContaining(") (after 2 retries): Database \"")
			.withMessageEndingWith(
					" Check migration.url, migration.user and migration.password, and that the database is up (or raise migration.connect-retries)");
	}

	@Test
	void initSqlsRunOnTheMigrationConnection() throws Exception {
		String db = "jdbc:h2:mem:init_sqls;DB_CLOSE_DELAY=-1";
		new Migrator(config(db).initSqls(List.of("CREATE SCHEMA IF NOT EXISTS app", "SET SCHEMA app")).build())
			.upgrade("heads");
		try (Connection connection = DriverManager.getConnection(db, "sa", "")) {
			var tables = connection.getMetaData().getTables(null, "APP", "MIGRATION_VERSION", null);
			assertThat(tables.next()).isTrue();
			connection.createStatement().execute("SHUTDOWN");
		}
	}

	@Test
	void failingInitSqlNamesTheStatement() {
		MigrationConfig config = config("jdbc:h2:mem:init_fail").initSqls(List.of("SET NO_SUCH_SETTING 1")).build();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> new Migrator(config).upgrade("heads"))
			.withMessageStartingWith("migration.init-sqls[0] failed: ")
			.withMessageEndingWith(". Fix the statement 'SET NO_SUCH_SETTING 1'");
	}

}
