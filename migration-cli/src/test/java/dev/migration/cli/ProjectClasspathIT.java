package dev.migration.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.Migration;
import dev.migration.testing.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar run in a Maven or Gradle project folder: the compiled classes and
 * resources are its class path, so a Java revision there is part of the history as in the
 * application.
 */
class ProjectClasspathIT {

	private static final String SQL_REVISION = Project.baseRevision("aaa001", "create account",
			"CREATE TABLE account (id INT PRIMARY KEY);", "DROP TABLE account;");

	private static final String JAVA_REVISION = """
			package db.migration;

			import dev.migration.Migration;
			import dev.migration.MigrationContext;
			import dev.migration.RevisionInfo;

			@RevisionInfo(id = "bbb002", revises = "aaa001", message = "java made")
			public class Rbbb002_java_made implements Migration {

				@Override
				public void upgrade(MigrationContext context) {
					context.execute("CREATE TABLE java_made (id INT PRIMARY KEY)");
				}

				@Override
				public void downgrade(MigrationContext context) {
					context.execute("DROP TABLE java_made");
				}

			}
			""";

	@TempDir
	Path dir;

	@Test
	void aMavenProjectsCompiledJavaRevisionIsInTheHistoryChainedOntoStampedAndRun() throws IOException {
		try (ProcessDatabase database = ProcessDatabase.create(DatabaseKind.H2)) {
			project(database, "pom.xml", "<project/>\n");
			built("target/classes", "target/classes");

			CliRunner.Result history = ok("history");
			assertThat(history.out())
				.isEqualTo("aaa001 -> bbb002 (head), java made\n<base> -> aaa001, create account\n");
			assertThat(history.err()).isEmpty();
			assertThat(ok("history", "--debug").err())
				.contains("Class path (Maven project (pom.xml)): " + this.dir.resolve("target/classes") + "\n");

			CliRunner.Result upgrade = ok("upgrade");
			assertThat(upgrade.out()).contains("upgrade aaa001 -> bbb002, java made");
			assertThat(database.hasTable("java_made")).isTrue();
			ok("stamp", "aaa001");
			assertThat(ok("stamp", "bbb002").err()).isEmpty();
			assertThat(ok("current").out()).isEqualTo("bbb002 (head)\n");

			ok("revision", "-m", "x", "--rev-id", "ccc003");
			Path written = this.dir.resolve("src/main/resources/db/migration/ccc003_x.sql");
			assertThat(Files.readString(written)).contains("-- revises: bbb002\n");
			// not built yet: the CLI reads the compiled classes and says so
			assertThat(ok("heads").err()).isEqualTo("Warning: src/main/resources/db/migration/ccc003_x.sql is newer "
					+ "than the compiled classes in target/classes; run the build (mvn compile) so that the CLI sees "
					+ "the change, or pass --classpath\n");
			copy(written, this.dir.resolve("target/classes/db/migration/ccc003_x.sql"));
			CliRunner.Result heads = ok("heads");
			assertThat(heads.out()).isEqualTo("ccc003 (head)\n");
			assertThat(heads.err()).isEmpty();
		}
	}

	@Test
	void classpathOverridesTheProjectsCompiledClasses() throws IOException {
		try (ProcessDatabase database = ProcessDatabase.create(DatabaseKind.H2)) {
			project(database, "pom.xml", "<project/>\n");
			built("target/classes", "target/classes");
			CliRunner.Result history = ok("history", "--classpath", "src/main/resources", "--debug");
			assertThat(history.out()).isEqualTo("<base> -> aaa001 (head), create account\n");
			assertThat(history.err())
				.contains("Class path (--classpath): " + this.dir.resolve("src/main/resources") + "\n");
		}
	}

	@Test
	void aGradleProjectsClassesAndResourcesAreTheClassPath() throws IOException {
		try (ProcessDatabase database = ProcessDatabase.create(DatabaseKind.H2)) {
			project(database, "build.gradle.kts", "plugins { java }\n");
			built("build/classes/java/main", "build/resources/main");
			assertThat(ok("history").out())
				.isEqualTo("aaa001 -> bbb002 (head), java made\n<base> -> aaa001, create account\n");
			ok("upgrade");
			assertThat(database.hasTable("java_made")).isTrue();
		}
	}

	/** A build file, the datasource, a SQL revision and the Java revision's source. */
	private void project(ProcessDatabase database, String buildFile, String content) throws IOException {
		Files.writeString(this.dir.resolve(buildFile), content);
		Files.writeString(this.dir.resolve("application.yml"),
				Project.applicationYml(database.url(), database.user(), database.password(), ""));
		Path sql = this.dir.resolve("src/main/resources/db/migration/aaa001_create_account.sql");
		Files.createDirectories(sql.getParent());
		Files.writeString(sql, SQL_REVISION);
		Path java = this.dir.resolve("src/main/java/db/migration/Rbbb002_java_made.java");
		Files.createDirectories(java.getParent());
		Files.writeString(java, JAVA_REVISION);
		for (Path source : List.of(sql, java)) {
			Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
		}
	}

	/** What the build does: compile the Java revision, copy the resources, later. */
	private void built(String classes, String resources) throws IOException {
		Path classesDir = this.dir.resolve(classes);
		Files.createDirectories(classesDir);
		int result = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-classpath", coreClasses(), "-d", classesDir.toString(),
					this.dir.resolve("src/main/java/db/migration/Rbbb002_java_made.java").toString());
		assertThat(result).as("javac").isZero();
		Path sources = this.dir.resolve("src/main/resources");
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				copy(file, this.dir.resolve(resources).resolve(sources.relativize(file)));
			}
		}
		// a build's output is newer than its sources, which are a minute old
		try (Stream<Path> files = Files.walk(classesDir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
			}
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.createDirectories(to.getParent());
		Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(to, FileTime.fromMillis(Files.getLastModifiedTime(from).toMillis() + 1000));
	}

	private static String coreClasses() {
		try {
			return Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private CliRunner.Result ok(String... args) {
		CliRunner.Result result = CliProcess.run(this.dir, args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

}
