package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migration.exit-after-migrate}: no web server by default, and the context is
 * closed with exit code 0 once it has started.
 */
class MigrateOnlyTests {

	private final MigrateOnlyEnvironmentPostProcessor postProcessor = new MigrateOnlyEnvironmentPostProcessor();

	@Test
	void exitAfterMigrateTurnsOffTheWebServer() {
		MockEnvironment environment = new MockEnvironment().withProperty("migration.exit-after-migrate", "true");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void explicitWebApplicationTypeWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("migration.exit-after-migrate", "true")
			.withProperty("spring.main.web-application-type", "servlet");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
	}

	@Test
	void webServerStaysWithoutExitAfterMigrate() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(MigrateOnlyEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void startedContextIsClosedAndExitsWithZero() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		List<Integer> codes = new ArrayList<>();
		MigrateOnlyExit exit = new MigrateOnlyExit(context, codes::add);
		exit.onApplicationEvent(
				new ApplicationStartedEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
		assertThat(codes).containsExactly(0);
		assertThat(context.isActive()).isFalse();
	}

	@Test
	void eventsOfOtherContextsAreIgnored() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		GenericApplicationContext child = new GenericApplicationContext(context);
		child.refresh();
		List<Integer> codes = new ArrayList<>();
		new MigrateOnlyExit(context, codes::add).onApplicationEvent(
				new ApplicationStartedEvent(new SpringApplication(), new String[0], child, Duration.ZERO));
		assertThat(codes).isEmpty();
		assertThat(context.isActive()).isTrue();
		child.close();
		context.close();
	}

}
