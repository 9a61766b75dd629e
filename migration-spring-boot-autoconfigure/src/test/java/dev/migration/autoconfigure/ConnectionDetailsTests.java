package dev.migration.autoconfigure;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.HistoryEntry;
import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection details as {@code @ServiceConnection} (Testcontainers) and Docker Compose
 * provide them: a {@link JdbcConnectionDetails} bean, here pointing at the local
 * PostgreSQL as there is no Docker on these machines, and no {@code spring.datasource.*}
 * at all.
 */
class ConnectionDetailsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class));

	@Test
	void connectionDetailsReachTheMigrationThroughTheApplicationsDataSource() {
		try (TestDatabase db = TestDatabase.createPostgresqlDatabase()) {
			this.runner.withBean(JdbcConnectionDetails.class, () -> details(db.url(), db.user(), db.password()))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(Migrator.class).config().dataSource())
						.isSameAs(context.getBean(DataSource.class));
					assertThat(context.getBean(Migrator.class).current()).containsExactly("c3c3c3c3c3c3");
				});
			assertThat(db.tables()).contains("person", "migration_version", "migration_history");
		}
	}

	@Test
	void migrationUserConnectsToTheUrlOfTheConnectionDetails() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL);
				DatabaseUsers users = DatabaseUsers.create(db, db.name() + "_cd_owner", db.name() + "_cd_app")) {
			this.runner
				.withBean(JdbcConnectionDetails.class,
						() -> details(db.url(), users.user(), DatabaseUsers.USER_PASSWORD))
				.withPropertyValues(users.migrationUser())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
					assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(users.user());
					assertThat(jdbc.queryForObject("SELECT name FROM person WHERE id = 1", String.class))
						.isEqualTo("Ada");
					assertThat(context.getBean(Migrator.class).log(10)).extracting(HistoryEntry::user)
						.containsOnly(users.owner());
				});
			users.assertOwnsPersonTable();
		}
	}

	@Test
	void migrationUserNeedsNoUrlFromAWrappedDataSourceWhenThereAreConnectionDetails() {
		// a proxy around the pool (datasource-proxy, P6Spy, ...) hides the URL that
		// DataSourceBuilder.derivedFrom would read; the connection details still have it
		try (TestDatabase db = TestDatabase.createPostgresqlDatabase()) {
			this.runner.withBean(JdbcConnectionDetails.class, () -> details(db.url(), "nobody", "wrong"))
				.withBean(DataSource.class, () -> opaque(db.dataSource()))
				.withPropertyValues("migration.user=" + db.user(), "migration.password=" + db.password())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(Migrator.class).current()).containsExactly("c3c3c3c3c3c3");
				});
			assertThat(db.tables()).contains("person", "migration_version");
		}
	}

	@Test
	void connectionDetailsAloneAreMigratedWithoutADataSourceBean() {
		try (TestDatabase db = TestDatabase.createPostgresqlDatabase()) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class))
				.withBean(JdbcConnectionDetails.class, () -> details(db.url(), db.user(), db.password()))
				.run((context) -> {
					assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
					assertThat(context.getBean(Migrator.class).current()).containsExactly("c3c3c3c3c3c3");
				});
			assertThat(db.tables()).contains("person", "migration_version");
		}
	}

	/** A DataSource that neither says its URL nor unwraps to a type that does. */
	private static DataSource opaque(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(ConnectionDetailsTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> switch (method.getName()) {
					case "isWrapperFor" -> false;
					case "unwrap" -> throw new SQLException("not a wrapper");
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					case "toString" -> "opaque DataSource";
					default -> method.invoke(target, args);
				});
	}

	private static JdbcConnectionDetails details(String url, String user, String password) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return url;
			}

			@Override
			public String getUsername() {
				return user;
			}

			@Override
			public String getPassword() {
				return password;
			}

		};
	}

}
