package dev.migration.sample;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.MigrationConfig;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.sample.migration.BackfillSlugAndWordCount;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's own revisions, run with the core {@link Migrator} on each database the
 * sample supports: the SQL is portable, the graph has the advertised shape, the Java
 * revision backfills data and every revision downgrades.
 */
class SampleMigrationsTests {

	static final String BASE = "1f3a5c7e9b20";

	static final String TAGS = "4b8d2e6f0a13";

	static final String ARCHIVED = "7c1e9a3b5d24";

	static final String AUDIT = "a2f4c6e8b035";

	static final String MERGE = "d5b7f9a1c346";

	static final String SLUG_COLUMNS = "e8c0a2b4d657";

	static final String BACKFILL = "f3d5e7a9b168";

	static Migrator migrator(TestDatabase db) {
		return new Migrator(MigrationConfig.builder()
			.dataSource(db.dataSource())
			.migrations(List.of(new BackfillSlugAndWordCount(new NoteText())))
			.build());
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL", "MARIADB" })
	void graphHasTwoLabelledBranchesAMergeAndOneHead(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = migrator(db);
			assertThat(migrator.graph().revisions()).extracting(Revision::id)
				.containsExactlyInAnyOrder(BASE, TAGS, ARCHIVED, AUDIT, MERGE, SLUG_COLUMNS, BACKFILL);
			assertThat(migrator.heads()).extracting(Revision::id).containsExactly(BACKFILL);
			assertThat(migrator.graph().bases()).extracting(Revision::id).containsExactly(BASE);
			assertThat(migrator.graph().branchPoints()).extracting(Revision::id).containsExactly(BASE);
			Revision merge = migrator.show(MERGE);
			assertThat(merge.revises()).containsExactly(TAGS, AUDIT);
			assertThat(migrator.show(TAGS).branchLabels()).containsExactly("tags");
			assertThat(migrator.show(ARCHIVED).branchLabels()).containsExactly("audit");
			assertThat(migrator.show(BACKFILL).kind()).isEqualTo(Revision.Kind.JAVA);
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL", "MARIADB" })
	void upgradeToHeadsBuildsTheNotesSchema(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = migrator(db);
			migrator.upgrade("heads");
			assertThat(migrator.current()).containsExactly(BACKFILL);
			assertThat(db.tables()).contains("notes", "note_tags", "note_audit", "migration_version",
					"migration_history");
			assertThat(migrator.status().isUpToDate()).isTrue();
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL", "MARIADB" })
	void branchesUpgradeOneAtATimeThenMerge(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = migrator(db);
			migrator.upgrade(TAGS);
			assertThat(migrator.current()).containsExactly(TAGS);
			migrator.upgrade(AUDIT);
			assertThat(migrator.current()).containsExactlyInAnyOrder(TAGS, AUDIT);
			migrator.upgrade(MERGE);
			assertThat(migrator.current()).containsExactly(MERGE);
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL", "MARIADB" })
	void javaRevisionBackfillsNotesWrittenBeforeTheColumnsExisted(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = migrator(db);
			migrator.upgrade(MERGE);
			db.execute(
					"INSERT INTO notes (id, title, body) VALUES ('n1', 'Crème brûlée, at 9 PM!', 'eggs  sugar\ncream')",
					"INSERT INTO notes (id, title, body) VALUES ('n2', '???', '')");
			migrator.upgrade(SLUG_COLUMNS);
			assertThat(db.query("SELECT id, slug, word_count FROM notes ORDER BY id"))
				.containsExactly(Arrays.asList("n1", null, null), Arrays.asList("n2", null, null));
			migrator.upgrade("heads");
			assertThat(db.query("SELECT id, slug, word_count FROM notes ORDER BY id"))
				.containsExactly(List.of("n1", "creme-brulee-at-9-pm", "3"), List.of("n2", "note", "0"));
			migrator.downgrade(SLUG_COLUMNS);
			assertThat(db.query("SELECT id, slug, word_count FROM notes ORDER BY id"))
				.containsExactly(Arrays.asList("n1", null, null), Arrays.asList("n2", null, null));
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL", "MARIADB" })
	void everyRevisionDowngradesBackToAnEmptySchemaAndUpgradesAgain(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = migrator(db);
			migrator.upgrade("heads");
			db.execute(
					"INSERT INTO notes (id, title, body, slug, word_count) VALUES ('n1', 'Hello', 'a b', 'hello', 2)",
					"INSERT INTO note_tags (note_id, tag) VALUES ('n1', 'demo')",
					"INSERT INTO note_audit (id, note_id, change_type) VALUES ('a1', 'n1', 'created')");
			migrator.downgrade("base");
			assertThat(migrator.current()).isEmpty();
			assertThat(db.tables()).doesNotContain("notes", "note_tags", "note_audit", "note_summary");
			migrator.upgrade("heads");
			assertThat(migrator.current()).containsExactly(BACKFILL);
			assertThat(db.query("SELECT COUNT(*) FROM notes")).containsExactly(List.of("0"));
		}
	}

}
