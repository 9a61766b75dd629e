package dev.migration.sample;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import dev.migration.test.AfterRevision;
import dev.migration.test.BeforeRevision;
import dev.migration.test.MigrationChecks;
import dev.migration.test.MigrationChecks.Check;
import dev.migration.test.MigrationTest;

import static dev.migration.sample.SampleMigrationsTests.BACKFILL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's revisions proven with the test kit, as an application would: the Spring
 * context's Migrator (so the Spring-bean revision {@code f3d5e7a9b168} is in the graph)
 * on the in-memory H2 database the starter migrated at startup. Offline SQL is left out:
 * the Java backfill reads rows, which an offline script cannot.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:notes-kit;DB_CLOSE_DELAY=-1")
@DirtiesContext
@MigrationTest(desiredSchema = "classpath:db/desired/schema.sql")
class NotesMigrationKitTests {

	@TestFactory
	Stream<DynamicNode> revisions(MigrationChecks checks) {
		return checks.dynamicTests(Check.SINGLE_HEAD, Check.STAIRWAY, Check.MODELS_MATCH);
	}

	@BeforeRevision(BACKFILL)
	void notesWrittenBeforeSlugsExisted(JdbcClient jdbc) {
		jdbc.sql("INSERT INTO notes (id, title, body) VALUES ('n1', 'Crème brûlée, at 9 PM!', 'eggs  sugar\ncream'), "
				+ "('n2', '???', '')")
			.update();
	}

	@AfterRevision(BACKFILL)
	void backfillGivesThemSlugsAndWordCounts(JdbcClient jdbc) {
		assertThat(jdbc.sql("SELECT id, slug, word_count FROM notes ORDER BY id")
			.query((rs, row) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list())
			.containsExactly(Arrays.asList("n1", "creme-brulee-at-9-pm", "3"), Arrays.asList("n2", "note", "0"));
		jdbc.sql("DELETE FROM notes").update();
	}

}
