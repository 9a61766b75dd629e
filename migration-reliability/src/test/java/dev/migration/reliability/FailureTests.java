package dev.migration.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.MigrationConfig;
import dev.migration.MigrationFailedException;
import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A revision whose third statement fails: where DDL is transactional the revision rolls
 * back entirely and earlier revisions stay; elsewhere the error and the history row say
 * what ran. The message names file, line, revision, statement and the database's text.
 */
class FailureTests extends ReliabilityTest {

	private static final String FIRST = "f00000000001";

	private static final String SECOND = "f00000000002";

	@ParameterizedTest
	@EnumSource
	void aFailedThirdStatementRollsBackOrIsReported(DatabaseKind kind) throws IOException {
		Path folder = scripts("""
				CREATE TABLE b (id INT);
				INSERT INTO b (id) VALUES (1);
				INSERT INTO missing_table (id) VALUES (1);
				CREATE TABLE c (id INT);
				""", "DROP TABLE b;\n");
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = migrator(db, folder);
			String file = "filesystem:" + folder.resolve(SECOND + "_second.sql");
			String expected = "Revision " + SECOND + " (" + file + ":8, statement 3) failed: " + missingTable(db) + " "
					+ remedy(kind, "Statements 1-2 of 4");
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> {
					assertThat(connectionIdless(ex.getMessage())).isEqualTo(expected);
					assertThat(ex.getRevision()).isEqualTo(SECOND);
					assertThat(ex.getStatementIndex()).isEqualTo(3);
					assertThat(ex.getLine()).isEqualTo(8);
				});
			assertThat(Workload.versionTable(db)).containsExactly(FIRST);
			List<String> failed = db
				.query("SELECT revision, statements_done FROM migration_history WHERE success = FALSE")
				.get(0);
			if (atomic(kind)) {
				assertThat(db.tables()).contains("a").doesNotContain("b", "c");
				assertThat(failed).containsExactly(SECOND, "0");
			}
			else {
				assertThat(db.tables()).contains("a", "b").doesNotContain("c");
				assertThat(db.query("SELECT id FROM b")).containsExactly(List.of("1"));
				assertThat(failed).containsExactly(SECOND, "2");
			}
		}
	}

	@ParameterizedTest
	@EnumSource
	void aFailedThirdDowngradeStatementRollsBackOrIsReported(DatabaseKind kind) throws IOException {
		Path folder = scripts("CREATE TABLE b (id INT);\nINSERT INTO b (id) VALUES (1);\n", """
				DELETE FROM b;
				DROP TABLE b;
				DROP TABLE missing_table;
				""");
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = migrator(db, folder);
			migrator.upgrade("heads");
			String file = "filesystem:" + folder.resolve(SECOND + "_second.sql");
			String expected = "Revision " + SECOND + " (" + file + ":12, statement 3) failed: " + missingDrop(db) + " "
					+ downgradeRemedy(kind);
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.downgrade("-1"))
				.satisfies((ex) -> assertThat(connectionIdless(ex.getMessage())).isEqualTo(expected));
			assertThat(Workload.versionTable(db)).containsExactly(SECOND);
			if (atomic(kind)) {
				assertThat(db.tables()).contains("a", "b");
				assertThat(db.query("SELECT id FROM b")).containsExactly(List.of("1"));
			}
			else {
				assertThat(db.tables()).contains("a").doesNotContain("b");
				assertThat(db.query("SELECT revision, direction, statements_done FROM migration_history "
						+ "WHERE success = FALSE"))
					.containsExactly(List.of(SECOND, "DOWNGRADE", "2"));
			}
		}
	}

	private static boolean atomic(DatabaseKind kind) {
		return kind == DatabaseKind.POSTGRESQL || kind == DatabaseKind.SQLITE;
	}

	private static String remedy(DatabaseKind kind, String ran) {
		if (atomic(kind)) {
			return "The revision was rolled back; the version table still says " + FIRST
					+ " and earlier revisions stay applied. Fix the script and run the command again";
		}
		return ran + " already ran and stayed committed (" + why(kind) + "); the version table still says " + FIRST
				+ ". Undo them by hand and run 'stamp " + FIRST + "', or finish the revision by hand and run 'stamp "
				+ SECOND + "'. Until then, upgrade and downgrade refuse to run";
	}

	private static String downgradeRemedy(DatabaseKind kind) {
		if (atomic(kind)) {
			return "The revision was rolled back; the version table still says " + SECOND
					+ " and earlier revisions stay applied. Fix the script and run the command again";
		}
		return "Statements 1-2 of 3 already ran and stayed committed (" + why(kind) + "); the version table still says "
				+ SECOND + ". Undo them by hand and run 'stamp " + SECOND
				+ "', or finish the revision by hand and run 'stamp " + FIRST
				+ "'. Until then, upgrade and downgrade refuse to run";
	}

	private static String why(DatabaseKind kind) {
		return (kind == DatabaseKind.H2) ? "H2 commits DDL implicitly" : "MariaDB/MySQL commit DDL implicitly";
	}

	/** MariaDB's driver puts the connection id in its messages. */
	static String connectionIdless(String message) {
		return message.replaceAll("\\(conn=\\d+\\)", "(conn=N)");
	}

	/** Each database's own message for the failing INSERT. */
	private static String missingTable(TestDatabase db) {
		return switch (db.kind()) {
			case POSTGRESQL -> "ERROR: relation \"missing_table\" does not exist\n  Position: 13.";
			case MARIADB -> "(conn=N) Table '" + db.name() + ".missing_table' doesn't exist.";
			case H2 ->
				"Table \"MISSING_TABLE\" not found; SQL statement:\nINSERT INTO missing_table (id) VALUES (1) [42102-240].";
			case SQLITE -> "[SQLITE_ERROR] SQL error or missing database (no such table: missing_table).";
		};
	}

	private static String missingDrop(TestDatabase db) {
		return switch (db.kind()) {
			case POSTGRESQL -> "ERROR: table \"missing_table\" does not exist.";
			case MARIADB -> "(conn=N) Unknown table '" + db.name() + ".missing_table'.";
			case H2 -> "Table \"MISSING_TABLE\" not found; SQL statement:\nDROP TABLE missing_table [42102-240].";
			case SQLITE -> "[SQLITE_ERROR] SQL error or missing database (no such table: missing_table).";
		};
	}

	private Path scripts(String upgrade, String downgrade) throws IOException {
		Path folder = Files.createDirectories(this.dir.resolve("m"));
		Files.writeString(folder.resolve(FIRST + "_first.sql"), """
				-- migration: first
				-- revision: %s

				-- +upgrade
				CREATE TABLE a (id INT);
				""".formatted(FIRST));
		Files.writeString(folder.resolve(SECOND + "_second.sql"), """
				-- migration: second
				-- revision: %s
				-- revises: %s

				-- +upgrade
				%s
				-- +downgrade
				%s""".formatted(SECOND, FIRST, upgrade, downgrade));
		return folder;
	}

	private static Migrator migrator(TestDatabase db, Path folder) {
		return new Migrator(
				MigrationConfig.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build());
	}

}
