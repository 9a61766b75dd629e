package dev.migration.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.RevisionInfo;
import dev.migration.command.Migrator;
import dev.migration.sql.DriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conditions, properties and extension points, without running a migration
 * ({@code migration.on-startup=none} unless a test says otherwise).
 */
class MigrationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class))
		.withPropertyValues("migration.on-startup=none");

	@Test
	void backsOffWithNoDataSourceBeanAndNoMigrationUrl() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Migrator.class);
			assertThat(context).doesNotHaveBean(MigrationInitializer.class);
			assertThat(context).doesNotHaveBean(MigrationProperties.class);
		});
	}

	@Test
	void backsOffWhenTheEngineIsNotOnTheClasspath() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class)
			.withClassLoader(new FilteredClassLoader(Migrator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationProperties.class));
	}

	@Test
	void enabledFalseCreatesNoBeanAtAll() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class)
			.withPropertyValues("migration.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<String> ours = new ArrayList<>();
				for (String name : context.getBeanDefinitionNames()) {
					BeanDefinition definition = context.getBeanFactory().getBeanDefinition(name);
					Class<?> type = context.getType(name);
					String typeName = (type != null) ? type.getName() : String.valueOf(definition.getBeanClassName());
					if (typeName.startsWith("dev.migration")
							&& !typeName.startsWith(MigrationAutoConfigurationTests.class.getName())) {
						ours.add(name + " (" + typeName + ")");
					}
				}
				assertThat(ours).isEmpty();
			});
	}

	@Test
	void createsMigratorOnTheApplicationDataSource() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(MigrationInitializer.class);
			assertThat(context.getBean(Migrator.class).config().dataSource())
				.isSameAs(context.getBean(DataSource.class));
		});
	}

	@Test
	void createsMigratorFromMigrationUrlWithoutDataSourceBean() {
		String url = h2Url();
		this.contextRunner.withPropertyValues("migration.url=" + url, "migration.user=sa").run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class);
			assertLogsIn(context.getBean(Migrator.class).config().dataSource(), url, "sa", "");
		});
	}

	@Test
	void migrationUrlWinsOverTheApplicationDataSource() {
		String url = h2Url();
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class)
			.withPropertyValues("migration.url=" + url, "migration.user=owner", "migration.password=secret")
			.run((context) -> assertLogsIn(context.getBean(Migrator.class).config().dataSource(), url, "owner",
					"secret"));
	}

	@Test
	void migrationUserAloneDerivesFromTheApplicationDataSource() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class)
			.withPropertyValues("migration.user=owner", "migration.password=secret")
			.run((context) -> assertLogsIn(context.getBean(Migrator.class).config().dataSource(),
					context.getBean(DataSourceConfiguration.class).url, "owner", "secret"));
	}

	@Test
	void markedDataSourceIsMigratedWhenThereAreSeveral() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class).run((context) -> {
			assertThat(context.getBean(Migrator.class).config().dataSource())
				.isSameAs(context.getBean("migrationDataSource"));
		});
	}

	@Test
	void markedDataSourceWinsOverMigrationUrl() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.withPropertyValues("migration.url=" + h2Url())
			.run((context) -> assertThat(context.getBean(Migrator.class).config().dataSource())
				.isSameAs(context.getBean("migrationDataSource")));
	}

	@Test
	void failsWithSeveralDataSourcesNoneMarkedOrPrimary() {
		this.contextRunner.withUserConfiguration(UnmarkedDataSourcesConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("No DataSource to migrate: the application has several and none is @Primary. "
						+ "Mark the one to migrate with @MigrationDataSource, or set migration.url");
		});
	}

	@Test
	void propertiesReachTheCoreConfiguration() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class)
			.withPropertyValues("migration.locations=classpath:db/branched", "migration.schema=app",
					"migration.version-table=app_version", "migration.history-table=app_history",
					"migration.lock-timeout=5", "migration.transaction-per-migration=false",
					"migration.validate-checksums=false", "migration.allow-downgrade=true")
			.run((context) -> {
				var config = context.getBean(Migrator.class).config();
				assertThat(config.locations()).containsExactly("classpath:db/branched");
				assertThat(config.schema()).isEqualTo("app");
				assertThat(config.versionTable()).isEqualTo("app_version");
				assertThat(config.historyTable()).isEqualTo("app_history");
				assertThat(config.lockTimeout()).hasSeconds(5);
				assertThat(config.transactionPerMigration()).isFalse();
				assertThat(config.validateChecksums()).isFalse();
				assertThat(config.allowDowngrade()).isTrue();
			});
	}

	@Test
	void customizersAreAppliedInOrderAfterTheProperties() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class, CustomizersConfiguration.class)
			.withPropertyValues("migration.version-table=from_properties")
			.run((context) -> {
				assertThat(context.getBean(CustomizersConfiguration.class).calls).containsExactly("first", "second");
				assertThat(context.getBean(Migrator.class).config().versionTable()).isEqualTo("from_second");
			});
	}

	@Test
	void strategyBeanReplacesTheDefault() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class, StrategyConfiguration.class)
			.withPropertyValues("migration.on-startup=upgrade")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationStrategy.class))
					.isSameAs(context.getBean(StrategyConfiguration.class).strategy);
				assertThat(context.getBean(StrategyConfiguration.class).migrated)
					.containsExactly(context.getBean(Migrator.class));
			});
	}

	@Test
	void migrationBeansJoinTheConfigurationWithTheirDependencies() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class, JavaMigrationConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(Migrator.class).config().migrations())
					.containsExactly(context.getBean(GreetingMigration.class));
				assertThat(context.getBean(GreetingMigration.class).greeting).isEqualTo("hello");
			});
	}

	@Test
	void migratedDataSourceIsSchemaManaged() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class).run((context) -> {
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(new SimpleDriverDataSource()))
				.isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void exitAfterMigrateRegistersTheExitListener() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(MigrateOnlyExit.class));
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class)
			.withPropertyValues("migration.exit-after-migrate=true")
			.run((context) -> assertThat(context).hasSingleBean(MigrateOnlyExit.class));
	}

	@Test
	void userMigratorWinsAndIsStillRunAtStartup() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class, UserMigratorConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(Migrator.class);
				assertThat(context.getBean(Migrator.class).config().versionTable()).isEqualTo("user_version");
				assertThat(context.getBean(MigrationInitializer.class).getMigrator())
					.isSameAs(context.getBean(Migrator.class));
			});
	}

	@Test
	void worksWithDataSourceAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + h2Url(), "migration.on-startup=none")
			.run((context) -> assertThat(context.getBean(Migrator.class).config().dataSource())
				.isSameAs(context.getBean(DataSource.class)));
	}

	/**
	 * Our own DataSource on the URL, logging in as the user with the password: the first
	 * login creates the in-memory database for that user and password, which then admits
	 * that password only.
	 */
	private static void assertLogsIn(DataSource dataSource, String url, String user, String password)
			throws SQLException {
		assertThat(dataSource).isInstanceOf(DriverDataSource.class);
		assertThat(((DriverDataSource) dataSource).getUrl()).isEqualTo(url);
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase(user);
		}
		new DriverDataSource(url, user, password).getConnection().close();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> new DriverDataSource(url, user, password + "-other").getConnection().close());
	}

	static String h2Url() {
		return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	static DataSource h2(String url) {
		return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url).username("sa").build();
	}

	@Configuration(proxyBeanMethods = false)
	static class DataSourceConfiguration {

		final String url = h2Url();

		@Bean
		DataSource dataSource() {
			return h2(this.url);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		@Primary
		DataSource applicationDataSource() {
			return h2(h2Url());
		}

		@Bean
		@MigrationDataSource
		DataSource migrationDataSource() {
			return h2(h2Url());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnmarkedDataSourcesConfiguration {

		@Bean
		DataSource one() {
			return h2(h2Url());
		}

		@Bean
		DataSource two() {
			return h2(h2Url());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		MigrationConfigCustomizer second() {
			return recording("second");
		}

		@Bean
		@Order(1)
		MigrationConfigCustomizer first() {
			return recording("first");
		}

		/** Records its call and sets the version table to 'from_' and its name. */
		private MigrationConfigCustomizer recording(String name) {
			return (builder) -> {
				this.calls.add(name);
				builder.versionTable("from_" + name);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StrategyConfiguration {

		final List<Migrator> migrated = new ArrayList<>();

		final MigrationStrategy strategy = (migrator) -> {
			this.migrated.add(migrator);
			return null;
		};

		@Bean
		MigrationStrategy customStrategy() {
			return this.strategy;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JavaMigrationConfiguration {

		@Bean
		String greeting() {
			return "hello";
		}

		@Bean
		GreetingMigration greetingMigration(String greeting) {
			return new GreetingMigration(greeting);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMigratorConfiguration {

		@Bean
		Migrator userMigrator(DataSource dataSource) {
			return new Migrator(new MigrationProperties().toConfigBuilder()
				.dataSource(dataSource)
				.versionTable("user_version")
				.build());
		}

	}

	@RevisionInfo(id = "d4d4d4d4d4d4", revises = "c3c3c3c3c3c3", message = "Greet")
	static class GreetingMigration implements Migration {

		final String greeting;

		GreetingMigration(String greeting) {
			this.greeting = greeting;
		}

		@Override
		public void upgrade(MigrationContext context) {
			context.execute("UPDATE person SET name = '" + this.greeting + "' WHERE id = 1");
		}

		@Override
		public String toString() {
			return Arrays.toString(new String[] { this.greeting });
		}

	}

}
