package dev.migration.autogenerate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.Revision;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionAuthorTests {

	private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");

	private static Revision header(String id, String message, List<String> revises, List<String> dependsOn,
			List<String> branchLabels, Instant created) {
		return new Revision(id, message, revises, dependsOn, branchLabels, created, true, Revision.Kind.SQL, id, null,
				null);
	}

	@Test
	void slugIsLowerCaseWithRunsOfOtherCharactersAsOneUnderscore() {
		assertThat(RevisionAuthor.slug("Create account table")).isEqualTo("create_account_table");
		assertThat(RevisionAuthor.slug("  Add e-mail (UNIQUE) to Users!! ")).isEqualTo("add_e_mail_unique_to_users");
		assertThat(RevisionAuthor.slug("Crème brûlée 2")).isEqualTo("creme_brulee_2");
		assertThat(RevisionAuthor.slug("")).isEmpty();
	}

	@Test
	void longSlugIsCutAtAWordBoundaryWithinFortyCharacters() {
		String slug = RevisionAuthor.slug("add a column for the customer's preferred delivery window");
		assertThat(slug).isEqualTo("add_a_column_for_the_customer_s");
		assertThat(RevisionAuthor.slug("x".repeat(50))).hasSize(40);
	}

	@Test
	void newIdIsTwelveHexCharacters() {
		assertThat(RevisionAuthor.newId()).matches("[0-9a-f]{12}").isNotEqualTo(RevisionAuthor.newId());
	}

	@Test
	void sqlTemplateHasTheSpecHeaderAndBothSections() {
		Revision revision = header("1a2b3c4d5e6f", "Add user table", List.of("0f9e8d7c6b5a", "aaaaaaaaaaaa"),
				List.of("bbbbbbbbbbbb"), List.of("auth"), CREATED);
		assertThat(RevisionAuthor.sql(revision, RevisionBody.EMPTY)).isEqualTo("""
				-- migration: Add user table
				-- revision: 1a2b3c4d5e6f
				-- revises: 0f9e8d7c6b5a, aaaaaaaaaaaa
				-- created: 2026-11-25T12:00:00Z
				-- branch-labels: auth
				-- depends-on: bbbbbbbbbbbb

				-- +upgrade


				-- +downgrade

				""");
	}

	@Test
	void sqlTemplateOfARootHasNoRevisesLine() {
		Revision revision = header("abc", "first", List.of(), List.of(), List.of(), CREATED);
		assertThat(RevisionAuthor.sql(revision, RevisionBody.EMPTY)).startsWith(
				"-- migration: first\n-- revision: abc\n" + "-- created: 2026-11-25T12:00:00Z\n\n-- +upgrade\n");
	}

	@Test
	void javaTemplateImplementsMigrationWithRevisionInfo() {
		Revision revision = header("1a2b3c4d5e6f", "Add \"user\" table", List.of("0f9e8d7c6b5a"), List.of(),
				List.of("auth"), CREATED);
		assertThat(RevisionAuthor.java(revision, "R1a2b3c4d5e6f_add_user_table", "db.migration", RevisionBody.EMPTY))
			.isEqualTo("""
					package db.migration;

					import dev.migration.Migration;
					import dev.migration.MigrationContext;
					import dev.migration.RevisionInfo;

					@RevisionInfo(id = "1a2b3c4d5e6f", revises = { "0f9e8d7c6b5a" },
							message = "Add \\"user\\" table", created = "2026-11-25T12:00:00Z",
							branchLabels = { "auth" })
					public class R1a2b3c4d5e6f_add_user_table implements Migration {

						@Override
						public void upgrade(MigrationContext context) throws Exception {
							// context.execute("...") runs (or, with --sql, prints) one statement
						}

						@Override
						public void downgrade(MigrationContext context) throws Exception {
						}

					}
					""");
	}

	@Test
	void javaPackageComesFromTheSourceRoot() {
		assertThat(RevisionAuthor.packageOf(Path.of("/p/src/main/java/com/example/db/migration")))
			.isEqualTo("com.example.db.migration");
		assertThat(RevisionAuthor.packageOf(Path.of("/p/db/migration"))).isEmpty();
	}

}
