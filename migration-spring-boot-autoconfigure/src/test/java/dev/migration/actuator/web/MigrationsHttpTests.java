package dev.migration.actuator.web;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/migrations}, {@code /actuator/health} and {@code /actuator/metrics}
 * over real HTTP, on each server database.
 */
class MigrationsHttpTests {

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL", "MARIADB" })
	void actuatorShowsTheMigratedGraph(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind);
				ConfigurableApplicationContext app = new SpringApplicationBuilder(WebTestApplication.class).run(
						"--server.port=0", "--spring.application.name=web-test", "--spring.datasource.url=" + db.url(),
						"--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
						"--management.endpoints.web.exposure.include=health,migrations,metrics",
						"--management.endpoint.health.show-details=always")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			RestClient http = RestClient.create("http://localhost:" + port);

			String body = http.get().uri("/actuator/migrations").retrieve().body(String.class);
			assertThat(body).doesNotContain("jdbc:");
			DocumentContext json = JsonPath.parse(body);
			String dataSource = "$.contexts['web-test'].dataSources.dataSource";
			assertThat(json.<String>read("$.contexts['web-test'].parentId")).isNull();
			assertThat(json.<String>read(dataSource + ".dialect")).isEqualTo(kind.dialect().name());
			assertThat(json.<String>read(dataSource + ".target")).isEqualTo("heads");
			assertThat(json.<List<String>>read(dataSource + ".currentHeads")).containsExactly("e5e5e5e5e5e5");
			assertThat(json.<List<String>>read(dataSource + ".graphHeads")).containsExactly("e5e5e5e5e5e5");
			assertThat(json.<List<String>>read(dataSource + ".pending")).isEmpty();
			assertThat(json.<Boolean>read(dataSource + ".upToDate")).isTrue();
			assertThat(json.<List<String>>read(dataSource + ".revisions[*].id")).containsExactly("e5e5e5e5e5e5",
					"c3c3c3c3c3c3", "b2b2b2b2b2b2", "a1a1a1a1a1a1");
			assertThat(json.<List<String>>read(dataSource + ".revisions[*].type")).containsExactly("JAVA", "SQL", "SQL",
					"SQL");
			assertThat(json.<List<String>>read(dataSource + ".revisions[*].state")).containsOnly("APPLIED");
			assertThat(json.<List<String>>read(dataSource + ".revisions[*].checksumStatus")).containsExactly("OK", "OK",
					"OK", "OK");
			assertThat(json.<String>read(dataSource + ".revisions[3].appliedAt"))
				.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
			assertThat(json.<List<String>>read(dataSource + ".history[*].revision")).containsExactly("e5e5e5e5e5e5",
					"c3c3c3c3c3c3", "b2b2b2b2b2b2", "a1a1a1a1a1a1");

			DocumentContext one = JsonPath
				.parse(http.get().uri("/actuator/migrations/b2b2b2b2b2b2").retrieve().body(String.class));
			assertThat(one.<String>read("$.dataSources.dataSource.message")).isEqualTo("Add email to person");
			assertThat(one.<List<String>>read("$.dataSources.dataSource.revises")).containsExactly("a1a1a1a1a1a1");
			Integer unknown = http.get()
				.uri("/actuator/migrations/ffffffffffff")
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(unknown).isEqualTo(404);

			DocumentContext health = JsonPath.parse(http.get().uri("/actuator/health").retrieve().body(String.class));
			assertThat(health.<String>read("$.components.migrations.status")).isEqualTo("UP");
			assertThat(health.<Integer>read("$.components.migrations.details.pending")).isZero();
			assertThat(health.<List<String>>read("$.components.migrations.details.currentHeads"))
				.containsExactly("e5e5e5e5e5e5");

			assertThat(metric(http, "migration.applied", "")).isEqualTo(4.0);
			assertThat(metric(http, "migration.run", "?tag=direction:upgrade&tag=outcome:success")).isEqualTo(1.0);
			assertThat(metric(http, "migration.pending", "")).isEqualTo(0.0);
			assertThat(db.query("SELECT name FROM person WHERE id = 1")).containsExactly(List.of("Grace"));
		}
	}

	/** The first measurement (COUNT for counters and timers, VALUE for gauges). */
	private static double metric(RestClient http, String name, String query) {
		String body = http.get().uri("/actuator/metrics/" + name + query).retrieve().body(String.class);
		return JsonPath.parse(body).<Number>read("$.measurements[0].value").doubleValue();
	}

}
