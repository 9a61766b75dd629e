package dev.migration.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.HistoryEntry;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.Revision;
import dev.migration.actuator.web.WebTestApplication;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migration.startup-in-background}: the startup migration runs on its own thread
 * while the main thread creates other beans, the beans that depend on database
 * initialization still see the migrated schema, and failures fail the startup as on the
 * main thread. A {@link Gate} holds the migration at its first revision until a bean that
 * the main thread creates after the migration started opens it: with the migration on the
 * main thread it would never open.
 */
class StartupInBackgroundTests {

	@DatabaseTest
	void migrationRunsOnItsOwnThreadWhileTheMainThreadCreatesBeans(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			StartupMigrationTests.runner(db).withUserConfiguration(GatedConfiguration.class).run((context) -> {
				assertThat(context).hasNotFailed();
				Gate gate = context.getBean(Gate.class);
				assertThat(gate.opened).containsExactly(true);
				assertThat(gate.threads).hasSize(3).containsOnly(MigrationInitializer.THREAD_NAME);
			});
		}
	}

	@DatabaseTest
	void beansThatDependOnDatabaseInitializationWaitForTheMigration(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			StartupMigrationTests.runner(db)
				.withUserConfiguration(GatedConfiguration.class, ReaderAfterTheGateConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(Gate.class).opened).containsExactly(true);
					assertThat(context.getBean(StartupMigrationTests.JdbcTemplateReader.class).names)
						.containsExactly("Ada");
				});
		}
	}

	@DatabaseTest
	void migrationRunsOnTheMainThreadWhenNotInBackground(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			String main = Thread.currentThread().getName();
			StartupMigrationTests.runner(db)
				.withPropertyValues("migration.startup-in-background=false")
				.withBean(Gate.class, () -> new Gate(false))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(Gate.class).threads).hasSize(3).containsOnly(main);
				});
			assertThat(db.query("SELECT name FROM person")).containsExactly(List.of("Ada"));
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void failedMigrationFailsTheStartupWithTheSameAnalysis(boolean background) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			StartupMigrationTests.runner(db)
				.withUserConfiguration(StartupMigrationTests.ReadersConfiguration.class)
				.withPropertyValues("migration.startup-in-background=" + background, "migration.on-startup=validate")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).isEqualTo("Database migration failed at startup:\n\n    "
							+ "Database (at base) does not match migration target 'heads': behind by 3 revisions "
							+ "(pending: a1a1a1a1a1a1, b2b2b2b2b2b2, c3c3c3c3c3c3). Apply the pending revisions first "
							+ "(run `migration upgrade heads`, or start once with migration.on-startup=upgrade).");
				});
			assertThat(db.tables()).doesNotContain("person");
		}
	}

	@DatabaseTest
	void startupThatFailsElsewhereWaitsForTheMigrationBeforeClosing(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			StartupMigrationTests.runner(db)
				.withUserConfiguration(FailingAfterTheGateConfiguration.class)
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause().hasMessage("not this bean");
				});
			assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of("c3c3c3c3c3c3"));
			assertThat(db.query("SELECT name FROM person")).containsExactly(List.of("Ada"));
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void webApplicationStartsTheMigrationBeforeCreatingItsWebServer(boolean background) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(WebTestApplication.class,
						WebServerProbe.class)
					.run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=sa", "--server.port=0",
							"--migration.startup-in-background=" + background)) {
			assertThat(context.getBean(WebServerProbe.class).initializerCreated).containsExactly(background);
			assertThat(db.query("SELECT name FROM person")).containsExactly(List.of("Grace"));
		}
	}

	@Test
	@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a deadlock
																			// fails
	void migrationThatLooksUpADependentBeanDoesNotWaitForItself() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
				.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=sa")
				.withUserConfiguration(LookingUpConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(LookingUp.class).found).containsExactly(true);
				});
		}
	}

	/**
	 * Looks up a lazy JdbcTemplate, which depends on database initialization, mid-run.
	 */
	static class LookingUp implements MigrationListener {

		final List<Boolean> found = new CopyOnWriteArrayList<>();

		private final ObjectProvider<JdbcTemplate> jdbc;

		LookingUp(ObjectProvider<JdbcTemplate> jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public void stepCompleted(HistoryEntry.Direction direction, MigrationResult.Step step) {
			if (this.found.isEmpty()) {
				this.found.add(this.jdbc.getObject() != null);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LookingUpConfiguration {

		@Bean
		LookingUp lookingUp(ObjectProvider<JdbcTemplate> jdbc) {
			return new LookingUp(jdbc);
		}

		@Bean
		@Lazy
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

	}

	/** Whether the migration had started when the web server factory was customized. */
	@Configuration(proxyBeanMethods = false)
	static class WebServerProbe {

		final List<Boolean> initializerCreated = new CopyOnWriteArrayList<>();

		@Bean
		WebServerFactoryCustomizer<WebServerFactory> probe(ConfigurableListableBeanFactory beanFactory) {
			return (factory) -> this.initializerCreated.add(beanFactory.containsSingleton("migrationInitializer"));
		}

	}

	/**
	 * Records the thread of each revision; when closed, holds the first revision until
	 * {@link #open()}.
	 */
	static class Gate implements MigrationListener {

		final List<String> threads = new CopyOnWriteArrayList<>();

		final List<Boolean> opened = new CopyOnWriteArrayList<>();

		private final CountDownLatch latch;

		Gate(boolean closed) {
			this.latch = new CountDownLatch(closed ? 1 : 0);
		}

		void open() {
			this.latch.countDown();
		}

		@Override
		public void beforeRevision(HistoryEntry.Direction direction, Revision revision) {
			if (this.opened.isEmpty()) {
				try {
					// bounded, so that a migration on the main thread fails the test
					this.opened.add(this.latch.await(30, TimeUnit.SECONDS));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.opened.add(false);
				}
			}
		}

		@Override
		public void stepCompleted(HistoryEntry.Direction direction, MigrationResult.Step step) {
			this.threads.add(Thread.currentThread().getName());
		}

	}

	/** Created on the main thread once the migration has started: opens the gate. */
	static class Opener {

		Opener(Gate gate) {
			gate.open();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GatedConfiguration {

		@Bean
		Gate gate() {
			return new Gate(true);
		}

		@Bean
		Opener opener(MigrationInitializer started, Gate gate) {
			return new Opener(gate);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReaderAfterTheGateConfiguration {

		@Bean
		StartupMigrationTests.JdbcTemplateReader reader(Opener opener, JdbcTemplate jdbc) {
			return new StartupMigrationTests.JdbcTemplateReader(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingAfterTheGateConfiguration {

		@Bean
		Gate gate() {
			return new Gate(true);
		}

		@Bean
		Object failing(MigrationInitializer started, Gate gate) {
			gate.open();
			throw new IllegalStateException("not this bean");
		}

	}

}
