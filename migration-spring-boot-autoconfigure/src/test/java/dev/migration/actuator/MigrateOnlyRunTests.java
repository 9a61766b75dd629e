package dev.migration.actuator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migration.actuator.web.WebTestApplication;
import dev.migration.autoconfigure.MigrateOnlyExit;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migration.exit-after-migrate=true} on the web application, in-process: the exit
 * is recorded instead of ending the JVM. Running a jar as a process is the sample app's
 * test. Kept outside the web application's package so that its component scan does not
 * pick up the recording exit.
 */
class MigrateOnlyRunTests {

	static final List<Integer> exitCodes = new CopyOnWriteArrayList<>();

	@Test
	void webApplicationMigratesWithoutWebServerAndExitsWithZero() {
		exitCodes.clear();
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(WebTestApplication.class,
						RecordingExit.class)
					.run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=sa",
							"--migration.exit-after-migrate=true")) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(context.isActive()).isFalse();
			assertThat(exitCodes).containsExactly(0);
			assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of("e5e5e5e5e5e5"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingExit {

		@Bean
		MigrateOnlyExit migrateOnlyExit(ApplicationContext context) {
			return new MigrateOnlyExit(context, exitCodes::add);
		}

	}

}
