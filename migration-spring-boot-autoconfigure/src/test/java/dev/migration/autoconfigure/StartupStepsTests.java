package dev.migration.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.metrics.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup migration as {@code ApplicationStartup} steps, as {@code /actuator/startup}
 * and Java Flight Recorder show them.
 */
class StartupStepsTests {

	private final BufferingApplicationStartup startup = new BufferingApplicationStartup(1000);

	private final ApplicationContextRunner runner = new ApplicationContextRunner(() -> {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.setApplicationStartup(this.startup);
		return context;
	}).withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class));

	@Test
	void startupMigrationIsAStepWithWhatItDid() {
		onH2("startup_steps").run((context) -> {
			assertThat(context).hasNotFailed();
			StartupTimeline.TimelineEvent event = single(MigrationInitializer.STARTUP_STEP);
			assertThat(tags(event)).containsEntry("outcome", "success")
				.containsEntry("direction", "upgrade")
				.containsEntry("revisions", "3")
				.containsEntry("heads", "c3c3c3c3c3c3");
			assertThat(event.getDuration()).isPositive();
		});
	}

	@Test
	void lintIsAStepInsideTheStartupStepOnTheMainThread() {
		onH2("startup_lint_step", "migration.lint.on-startup=warn", "migration.startup-in-background=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				StartupStep lint = single(MigrationInitializer.LINT_STEP).getStartupStep();
				assertThat(lint.getParentId())
					.isEqualTo(single(MigrationInitializer.STARTUP_STEP).getStartupStep().getId());
			});
	}

	/**
	 * In the background the lint step's parent is whichever step is current: Boot's
	 * {@code BufferingApplicationStartup} keeps one current step for all threads.
	 */
	@Test
	void lintIsAStepAfterTheStartupStepInTheBackground() {
		onH2("startup_lint_step_background", "migration.lint.on-startup=warn").run((context) -> {
			assertThat(context).hasNotFailed();
			StartupStep lint = single(MigrationInitializer.LINT_STEP).getStartupStep();
			assertThat(lint.getId()).isGreaterThan(single(MigrationInitializer.STARTUP_STEP).getStartupStep().getId());
		});
	}

	@Test
	void aFailedStartupMigrationIsAStepWithOutcomeFailure() {
		onH2("startup_failed_step", "migration.target=0000deadbeef").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(tags(single(MigrationInitializer.STARTUP_STEP))).containsEntry("outcome", "failure")
				.doesNotContainKey("direction");
		});
	}

	/** The runner on a named in-memory H2 database, with more properties. */
	private ApplicationContextRunner onH2(String database, String... properties) {
		return this.runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
			.withPropertyValues(properties);
	}

	private StartupTimeline.TimelineEvent single(String name) {
		List<StartupTimeline.TimelineEvent> events = this.startup.getBufferedTimeline()
			.getEvents()
			.stream()
			.filter((event) -> event.getStartupStep().getName().equals(name))
			.toList();
		assertThat(events).as(name).hasSize(1);
		return events.get(0);
	}

	private static Map<String, String> tags(StartupTimeline.TimelineEvent event) {
		return StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
			.collect(Collectors.toMap(StartupStep.Tag::getKey, StartupStep.Tag::getValue));
	}

}
