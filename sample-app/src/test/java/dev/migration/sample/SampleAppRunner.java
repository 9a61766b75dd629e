package dev.migration.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migration.testing.TestDatabase;

/**
 * Starts the sample app in-process with a profile on a test database, for tests that need
 * startup to fail or that inspect the database afterwards.
 */
final class SampleAppRunner {

	private SampleAppRunner() {
	}

	static ConfigurableApplicationContext start(TestDatabase db, String profile, String... extraArgs) {
		List<String> args = new ArrayList<>(
				List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
						"--spring.datasource.password=" + db.password(), "--server.port=0"));
		args.addAll(List.of(extraArgs));
		return new SpringApplicationBuilder(SampleApplication.class).profiles(profile).run(args.toArray(String[]::new));
	}

}
