package dev.migration.actuator.web;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Boot way of testing the endpoint: a {@code @SpringBootTest} on a random port with
 * the embedded database Boot picks, and the endpoint not exposed unless included.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = WebTestApplication.class,
		properties = { "management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@AutoConfigureTestRestTemplate
class MigrationsEndpointWebTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void endpointShowsTheGraphOfTheEmbeddedDatabase() {
		String body = this.http.getForObject("/actuator/migrations", String.class);
		assertThat(JsonPath.<List<String>>read(body, "$.contexts.*.dataSources.dataSource.dialect"))
			.containsExactly("H2");
		assertThat(JsonPath.<List<String>>read(body, "$.contexts.*.dataSources.dataSource.currentHeads[0]"))
			.containsExactly("e5e5e5e5e5e5");
	}

	@Test
	void unknownRevisionIsNotFound() {
		assertThat(this.http.getForEntity("/actuator/migrations/ffffffffffff", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void healthHasTheMigrationsComponent() {
		String body = this.http.getForObject("/actuator/health", String.class);
		assertThat(JsonPath.<String>read(body, "$.components.migrations.status")).isEqualTo("UP");
	}

	@Test
	void endpointIsNotExposedByDefault() {
		// exposure comes from the properties above; "beans" is an endpoint Boot ships but
		// we did not include, so it must be missing just as ours would be
		assertThat(this.http.getForEntity("/actuator/beans", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

}
