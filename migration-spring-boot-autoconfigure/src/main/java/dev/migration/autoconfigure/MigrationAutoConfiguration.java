package dev.migration.autoconfigure;

import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import dev.migration.Migration;
import dev.migration.MigrationListener;
import dev.migration.MigrationConfigBuilder;
import dev.migration.MigrationException;
import dev.migration.MigrationTargets;
import dev.migration.command.Migrator;
import dev.migration.sql.DriverDataSource;
import dev.migration.tenant.TenantMigrator;

/**
 * Migrates the application's database at startup, before anything that uses it.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@Conditional(MigrationAutoConfiguration.DataSourceAvailableCondition.class)
@ConditionalOnBooleanProperty(name = "migration.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrationAutoConfiguration {

	@Bean
	MigrationSchemaManagementProvider migrationSchemaManagementProvider(ObjectProvider<Migrator> migrators,
			MigrationProperties properties) {
		return new MigrationSchemaManagementProvider(migrators, ownConnection(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationRuns migrationRuns() {
		return new MigrationRuns();
	}

	@Bean
	@ConditionalOnMissingBean
	Migrator migrator(MigrationProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<DataSource> dataSource, @MigrationDataSource ObjectProvider<DataSource> migrationDataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails, ObjectProvider<Migration> migrations,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrationConfigCustomizer> customizers,
			ObjectProvider<StartupLint> startupLint) {
		List<MigrationListener> all = new ArrayList<>(listeners.orderedStream().toList());
		startupLint.ifAvailable((lint) -> all.add(lint.listener()));
		MigrationConfigBuilder builder = properties.toConfigBuilder()
			.classLoader(resourceLoader.getClassLoader())
			.dataSource(migrationDataSource(properties, migrationDataSource.getIfAvailable(), dataSource.getIfUnique(),
					connectionDetails.getIfUnique(), resourceLoader.getClassLoader()))
			.migrations(migrations.orderedStream().toList())
			.listener(MigrationListener.of(all));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return new Migrator(builder.build());
	}

	/**
	 * The marked DataSource, else one of our own from {@code migration.url} (or from
	 * {@code migration.user} and the application's URL: that of its
	 * {@link JdbcConnectionDetails}, which {@code @ServiceConnection} and Docker Compose
	 * provide, else read off its DataSource), else the application's (else one from its
	 * connection details). Our own is the core {@link DriverDataSource}, as in the CLI
	 * and the Maven plugin: each connection is closed after use and nothing stays open
	 * once the migration is done.
	 */
	private static DataSource migrationDataSource(MigrationProperties properties, @Nullable DataSource marked,
			@Nullable DataSource primary, @Nullable JdbcConnectionDetails connectionDetails,
			@Nullable ClassLoader classLoader) {
		if (marked != null) {
			return marked;
		}
		if (StringUtils.hasText(properties.getUrl())) {
			return new DriverDataSource(properties.getUrl(), properties.getUser(), properties.getPassword(), null,
					classLoader);
		}
		if (StringUtils.hasText(properties.getUser()) && connectionDetails != null) {
			return fromConnectionDetails(connectionDetails, properties.getUser(), properties.getPassword(),
					classLoader);
		}
		if (StringUtils.hasText(properties.getUser()) && primary != null) {
			// Boot knows how to read the URL and driver of every pool it supports; a
			// template DataSource carries them over, our own does the connecting.
			SimpleDriverDataSource application = DataSourceBuilder.derivedFrom(primary)
				.type(SimpleDriverDataSource.class)
				.build();
			Driver driver = application.getDriver();
			return new DriverDataSource(Objects.requireNonNull(application.getUrl(), "url"), properties.getUser(),
					properties.getPassword(), (driver != null) ? driver.getClass().getName() : null, classLoader);
		}
		if (primary != null) {
			return primary;
		}
		if (connectionDetails != null) {
			return fromConnectionDetails(connectionDetails, connectionDetails.getUsername(),
					connectionDetails.getPassword(), classLoader);
		}
		throw new MigrationException("No DataSource to migrate: the application has several and none is"
				+ " @Primary. Mark the one to migrate with @MigrationDataSource, or set migration.url");
	}

	private static DataSource fromConnectionDetails(JdbcConnectionDetails connectionDetails, @Nullable String user,
			@Nullable String password, @Nullable ClassLoader classLoader) {
		return new DriverDataSource(connectionDetails.getJdbcUrl(), user, password,
				connectionDetails.getDriverClassName(), classLoader);
	}

	private static boolean ownConnection(MigrationProperties properties) {
		return StringUtils.hasText(properties.getUrl()) || StringUtils.hasText(properties.getUser());
	}

	@Bean
	@ConditionalOnMissingBean
	StartupLint migrationStartupLint(MigrationProperties properties) {
		return new StartupLint(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationStrategy migrationStrategy(MigrationProperties properties) {
		return MigrationStrategy.of(properties.getOnStartup(), properties.getTarget());
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationInitializer migrationInitializer(Migrator migrator, MigrationStrategy strategy, MigrationRuns runs,
			MigrationProperties properties, ObjectProvider<MigrationTargets> targets,
			ObjectProvider<StartupLint> startupLint) {
		MigrationTargets tenants = targets.getIfAvailable(properties::toTargets);
		MigrationInitializer initializer;
		if (tenants != null) {
			initializer = new TenantMigrationInitializer(migrator,
					new TenantMigrator(migrator.config(), tenants, properties.getParallelism()), strategy, runs,
					properties.isContinueOnTenantFailure());
		}
		else {
			StartupLint lint = startupLint.getIfAvailable();
			initializer = new MigrationInitializer(migrator, strategy, runs,
					(lint != null && lint.enabled()) ? lint : null);
		}
		initializer.setBackground(properties.isStartupInBackground());
		return initializer;
	}

	@Bean
	@Lazy
	StartupMigrationWait migrationStartupWait(ObjectProvider<MigrationInitializer> initializers) {
		return new StartupMigrationWait(initializers);
	}

	@Bean
	@ConditionalOnBooleanProperty("migration.exit-after-migrate")
	@ConditionalOnMissingBean
	MigrateOnlyExit migrateOnlyExit(ApplicationContext context) {
		return new MigrateOnlyExit(context, System::exit);
	}

	/**
	 * A web application creates its web server before the singletons: the startup
	 * migration in the background starts then, and overlaps with it too.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebServerFactoryCustomizer.class)
	@ConditionalOnBooleanProperty(name = "migration.startup-in-background", matchIfMissing = true)
	static final class EarlyStartConfiguration {

		@Bean
		static StartupMigrationEarlyStart migrationEarlyStart(ObjectProvider<MigrationInitializer> initializers) {
			return new StartupMigrationEarlyStart(initializers);
		}

	}

	static final class DataSourceAvailableCondition extends AnyNestedCondition {

		DataSourceAvailableCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("migration.url")
		private static final class MigrationUrlCondition {

		}

	}

}
