package dev.migration.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration folder of the project's own tests and main resources, run up to its
 * heads and back down to base on every real database: the scripts the other tests rely on
 * split and execute where they are meant to run.
 */
@Tag("reliability")
class ProjectScriptsTests {

	static Stream<Arguments> folders() throws IOException {
		Path root = Path.of(System.getProperty("migration.root", "..")).toAbsolutePath().normalize();
		List<Path> folders;
		try (Stream<Path> files = Files.walk(root)) {
			folders = files.filter((path) -> path.toString().endsWith(".sql"))
				.filter((path) -> !root.relativize(path).toString().contains("target"))
				.filter((path) -> !root.relativize(path).startsWith("migration-reliability"))
				// the sample's graph needs its Java revision, a Spring bean;
				// SampleMigrationsTests
				// runs those scripts up and down with it on H2, PostgreSQL and MariaDB
				.filter((path) -> !root.relativize(path).startsWith("sample-app"))
				// the test kit's fixtures are partial graphs (a shared base plus one
				// folder
				// per story, some broken on purpose); the kit's own tests run them
				.filter((path) -> !root.relativize(path).startsWith("migration-test"))
				// the AOT hints fixture's graph runs through a Java revision in the test
				// classes (MigrationAotHintsTests reads it as resources, it is not run)
				.filter((path) -> !path.toString().contains("/autoconfigure/aot/scanned/"))
				// desired-state schemas for autogenerate are not migrations
				.filter(ProjectScriptsTests::isMigrationScript)
				.filter((path) -> path.toString().contains("/src/test/resources/")
						|| path.toString().contains("/src/main/resources/"))
				.map(Path::getParent)
				.distinct()
				.sorted()
				.toList();
		}
		// a folder inside another is loaded with it (locations are scanned recursively)
		List<Path> tops = folders.stream()
			.filter((folder) -> folders.stream()
				.noneMatch((other) -> !other.equals(folder) && folder.startsWith(other)))
			.toList();
		assertThat(tops).as("migration folders under " + root).isNotEmpty();
		return tops.stream()
			.flatMap((folder) -> Stream.of(DatabaseKind.values())
				.map((kind) -> Arguments.of(root.relativize(folder).toString(), kind, folder)));
	}

	private static boolean isMigrationScript(Path path) {
		try {
			return Files.readString(path).contains("-- +upgrade");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("folders")
	void projectScriptsRunUpAndDownOnTheirDatabases(String name, DatabaseKind kind, Path folder) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = new Migrator(
					MigrationConfig.builder().dataSource(db.dataSource()).locations("filesystem:" + folder).build());
			int revisions = migrator.graph().size();
			MigrationResult up = migrator.upgrade("heads");
			assertThat(up.steps()).as(name).hasSize(revisions);
			assertThat(migrator.current()).as(name)
				.containsExactlyInAnyOrderElementsOf(
						migrator.graph().versionTableHeads().stream().map((revision) -> revision.id()).toList());
			boolean reversible = migrator.graph()
				.revisions()
				.stream()
				.allMatch((revision) -> revision.migration() != null && revision.migration().hasDowngrade());
			if (reversible) {
				migrator.downgrade("base");
				assertThat(migrator.current()).as(name).isEmpty();
				assertThat(db.tables()).as(name)
					.containsOnly("migration_history", "migration_history_format", "migration_version");
			}
		}
	}

}
