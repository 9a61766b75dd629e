package dev.migration.sample;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import dev.migration.testing.TestDatabase;

import static dev.migration.sample.SampleMigrationsTests.ARCHIVED;
import static dev.migration.sample.SampleMigrationsTests.AUDIT;
import static dev.migration.sample.SampleMigrationsTests.BACKFILL;
import static dev.migration.sample.SampleMigrationsTests.BASE;
import static dev.migration.sample.SampleMigrationsTests.MERGE;
import static dev.migration.sample.SampleMigrationsTests.PINNED;
import static dev.migration.sample.SampleMigrationsTests.SLUG_COLUMNS;
import static dev.migration.sample.SampleMigrationsTests.TAGS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole sample app on a real server port and a fresh database, migrated at startup:
 * real HTTP requests to the actuator and the notes API. One subclass per database, named
 * by its {@link SampleDatabase} annotation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class SampleAppTests {

	/** Where the endpoint keeps the report of the application's one DataSource. */
	static final String REPORT = "$.contexts.notes.dataSources.dataSource";

	@LocalServerPort
	int port;

	@Autowired
	TestDatabase database;

	@Test
	@SuppressWarnings("unchecked")
	void migrationsEndpointReportsEveryRevisionAppliedAtTheHead() {
		ResponseEntity<String> response = get("/actuator/migrations");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		DocumentContext json = JsonPath.parse(response.getBody());
		assertThat(json.read(REPORT + ".currentHeads", List.class)).containsExactly(PINNED);
		assertThat(json.read(REPORT + ".graphHeads", List.class)).containsExactly(PINNED);
		assertThat(json.read(REPORT + ".pending", List.class)).isEmpty();
		List<Map<String, Object>> revisions = json.read(REPORT + ".revisions");
		List<Object> ids = revisions.stream().map((revision) -> revision.get("id")).toList();
		assertThat(ids).containsExactlyInAnyOrder(PINNED, BACKFILL, SLUG_COLUMNS, MERGE, AUDIT, ARCHIVED, TAGS, BASE);
		assertThat(ids).startsWith(PINNED, BACKFILL, SLUG_COLUMNS, MERGE).endsWith(BASE);
		// newest first: every revision is listed before its parents
		assertThat(revisions).allSatisfy((revision) -> assertThat((List<String>) revision.get("revises"))
			.allSatisfy((parent) -> assertThat(ids.indexOf(parent)).isGreaterThan(ids.indexOf(revision.get("id")))));
		assertThat(revisions).allSatisfy((revision) -> {
			assertThat(revision).containsEntry("state", "APPLIED");
			assertThat(revision.get("appliedAt")).isNotNull();
		});
		assertThat(revision(revisions, MERGE)).containsEntry("revises", List.of(TAGS, AUDIT))
			.containsEntry("type", "SQL")
			.containsEntry("message", "Merge tags and audit branches")
			.containsEntry("checksumStatus", "OK");
		assertThat(revision(revisions, TAGS)).containsEntry("branchLabels", List.of("tags"))
			.containsEntry("revises", List.of(BASE));
		assertThat(revision(revisions, ARCHIVED)).containsEntry("branchLabels", List.of("audit"));
		assertThat(revision(revisions, BASE)).containsEntry("revises", List.of());
		assertThat(revision(revisions, BACKFILL)).containsEntry("type", "JAVA")
			.containsEntry("revises", List.of(SLUG_COLUMNS))
			.containsEntry("message", "Backfill note slugs and word counts");
		assertThat(revision(revisions, PINNED)).containsEntry("type", "SQL")
			.containsEntry("revises", List.of(BACKFILL))
			.containsEntry("message", "Add pinned flag to notes");
		List<Map<String, Object>> history = json.read(REPORT + ".history");
		assertThat(history).extracting((entry) -> entry.get("revision"))
			.containsExactlyInAnyOrder(BASE, TAGS, ARCHIVED, AUDIT, MERGE, SLUG_COLUMNS, BACKFILL, PINNED);
		assertThat(history).allSatisfy(
				(entry) -> assertThat(entry).containsEntry("direction", "UPGRADE").containsEntry("success", true));
		assertThat(response.getBody()).doesNotContainIgnoringCase("password");
		assertThat(this.database.query("SELECT version_num FROM migration_version")).containsExactly(List.of(PINNED));
	}

	@Test
	void migrationsEndpointReturnsOneRevision() {
		ResponseEntity<String> response = get("/actuator/migrations/" + MERGE);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		DocumentContext json = JsonPath.parse(response.getBody());
		Map<String, Object> revision = json.read("$.dataSources.dataSource");
		assertThat(revision).containsEntry("id", MERGE)
			.containsEntry("message", "Merge tags and audit branches")
			.containsEntry("revises", List.of(TAGS, AUDIT))
			.containsEntry("dependsOn", List.of())
			.containsEntry("branchLabels", List.of())
			.containsEntry("type", "SQL")
			.containsEntry("location", "classpath:db/migration/d5b7f9a1c346_merge_tags_and_audit.sql")
			.containsEntry("state", "APPLIED")
			.containsEntry("checksumStatus", "OK");
		assertThat(revision.get("checksum")).asString().hasSize(64);
	}

	@Test
	void migrationsEndpointAnswers404ForAnUnknownRevision() {
		assertThat(get("/actuator/migrations/0000deadbeef").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void healthReportsMigrationsUpAtTheHead() {
		ResponseEntity<String> response = get("/actuator/health");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		DocumentContext json = JsonPath.parse(response.getBody());
		assertThat(json.read("$.status", String.class)).isEqualTo("UP");
		assertThat(json.read("$.components.migrations.status", String.class)).isEqualTo("UP");
		assertThat(json.read("$.components.migrations.details.target", String.class)).isEqualTo("heads");
		assertThat(json.read("$.components.migrations.details.currentHeads", List.class)).containsExactly(PINNED);
		assertThat(json.read("$.components.migrations.details.pending", Integer.class)).isZero();
		assertThat(json.read("$.components.db.status", String.class)).isEqualTo("UP");
	}

	@Test
	void infoEndpointNamesTheApp() {
		DocumentContext json = JsonPath.parse(get("/actuator/info").getBody());
		assertThat(json.read("$.app.name", String.class)).isEqualTo("notes");
	}

	@Test
	void metricsCountTheStartupRunAndNothingPending() {
		DocumentContext pending = JsonPath.parse(get("/actuator/metrics/migration.pending").getBody());
		assertThat(pending.read("$.measurements[0].value", Double.class)).isZero();
		DocumentContext applied = JsonPath.parse(get("/actuator/metrics/migration.applied").getBody());
		assertThat(applied.read("$.measurements[0].value", Double.class)).isEqualTo(8.0);
		DocumentContext runs = JsonPath
			.parse(get("/actuator/metrics/migration.run?tag=direction:upgrade&tag=outcome:success").getBody());
		assertThat(runs.read("$.measurements[?(@.statistic == 'COUNT')].value", List.class)).containsExactly(1.0);
	}

	@Test
	void notesApiWorksOnTheMigratedSchema() {
		ResponseEntity<String> created = post("/notes",
				Map.of("title", "Crème brûlée", "body", "eggs sugar cream", "tags", List.of("recipes", "dessert")));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		DocumentContext note = JsonPath.parse(created.getBody());
		String id = note.read("$.id");
		assertThat(created.getHeaders().getLocation()).hasPath("/notes/" + id);
		assertThat(note.read("$.slug", String.class)).isEqualTo("creme-brulee");
		assertThat(note.read("$.wordCount", Integer.class)).isEqualTo(3);
		assertThat(note.read("$.tags", List.class)).containsExactly("dessert", "recipes");
		assertThat(note.read("$.archived", Boolean.class)).isFalse();

		assertThat(JsonPath.parse(get("/notes/" + id).getBody()).read("$.title", String.class))
			.isEqualTo("Crème brûlée");
		assertThat(JsonPath.parse(get("/notes?tag=dessert").getBody()).read("$[*].id", List.class)).containsExactly(id);
		assertThat(JsonPath.parse(get("/tags").getBody()).read("$[?(@.tag == 'dessert')].notes", List.class))
			.containsExactly(1);

		assertThat(
				JsonPath.parse(post("/notes/" + id + "/archive", Map.of()).getBody()).read("$.archived", Boolean.class))
			.isTrue();
		assertThat(JsonPath.parse(get("/notes").getBody()).read("$[*].id", List.class)).doesNotContain(id);
		assertThat(JsonPath.parse(get("/notes?includeArchived=true").getBody()).read("$[*].id", List.class))
			.contains(id);
		assertThat(JsonPath.parse(get("/summary").getBody()).read("$[?(@.id == '" + id + "')]", List.class))
			.containsExactly(Map.of("id", id, "title", "Crème brûlée", "archived", true, "tagCount", 2));
		assertThat(JsonPath.parse(get("/notes/" + id + "/audit").getBody()).read("$[*].changeType", List.class))
			.containsExactlyInAnyOrder("created", "archived");

		assertThat(delete("/notes/" + id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(get("/notes/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("/notes", Map.of("body", "no title")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private static Map<String, Object> revision(List<Map<String, Object>> revisions, String id) {
		return revisions.stream().filter((revision) -> id.equals(revision.get("id"))).findFirst().orElseThrow();
	}

	private RestClient http() {
		return RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

	ResponseEntity<String> get(String path) {
		return http().get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
		}).toEntity(String.class);
	}

	private ResponseEntity<String> post(String path, Map<String, Object> body) {
		return http().post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(String.class);
	}

	private ResponseEntity<String> delete(String path) {
		return http().delete().uri(path).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
		}).toEntity(String.class);
	}

}
