package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher script's class-data-sharing archive: made after the first run by the
 * training run in the background, used by the next runs whichever command ran first,
 * never visible in the output; off with {@code MIGRATION_CDS=false}.
 */
class LauncherIT {

	/** The engine, H2 and Boot's binder, lambdas and proxies aside. */
	private static final Pattern ARCHIVED = Pattern
		.compile("(dev\\.migration|org\\.h2|org\\.springframework\\.boot\\.context\\.properties\\.bind)\\.[\\w.$]+");

	@TempDir
	Path dir;

	@TempDir
	Path cache;

	private CliRunner.Result launch(String arguments, Map<String, String> environment) {
		return CliProcess.bash(this.dir, CliProcess.LAUNCHER.toAbsolutePath() + " " + arguments, environment);
	}

	private List<Path> archives() throws IOException {
		try (Stream<Path> files = Files.list(this.cache)) {
			return files.toList();
		}
	}

	/**
	 * The archive, once the training in the background is over: the lock directory gone
	 * (a failed training leaves it).
	 */
	private Path awaitArchive() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			List<Path> files = archives();
			if (files.size() == 1 && files.get(0).getFileName().toString().endsWith(".jsa")) {
				return files.get(0);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No archive made by the training after 120 s: " + archives());
	}

	@Test
	void theArchiveMadeAfterAFirstHelpServesTheDatabaseCommandsWithTheSameOutput() throws Exception {
		Map<String, String> environment = Map.of("MIGRATION_CDS_DIR", this.cache.toString());
		CliRunner.Result help = launch("--help", environment);
		assertThat(help.exitCode()).as(help.toString()).isZero();
		Path archive = awaitArchive();
		assertThat(archive.getFileName().toString()).as("a JDK with dynamic archives (13+) makes one")
			.startsWith("migration-");
		assertThat(launch("--help", environment)).isEqualTo(help);
		Files.writeString(this.dir.resolve("application.yml"), """
				spring.datasource.url: jdbc:h2:file:./data/app
				migration.locations: filesystem:db/migration
				""");
		Files.createDirectories(this.dir.resolve("db/migration"));
		Files.writeString(this.dir.resolve("db/migration/0a1b2c3d4e5f_create_note.sql"), """
				-- migration: Create note
				-- revision: 0a1b2c3d4e5f
				-- revises:

				-- +upgrade
				CREATE TABLE note (id INT PRIMARY KEY);

				-- +downgrade
				DROP TABLE note;
				""");
		assertThat(launch("upgrade", environment).exitCode()).isZero();
		Path log = this.dir.resolve("classes.txt");
		Map<String, String> logging = Map.of("MIGRATION_CDS_DIR", this.cache.toString(), "JAVA_OPTS",
				"-Xlog:class+load:file=" + log);
		CliRunner.Result current = launch("current", logging);
		assertThat(current.out()).as(current.toString()).isEqualTo("0a1b2c3d4e5f (head)\n");
		assertThat(current.err()).isEmpty();
		// lines like "[0.01s][info][class,load] a.B source: shared objects file (top)"
		Map<String, Boolean> shared = Files.readAllLines(log)
			.stream()
			.map((line) -> line.substring(line.indexOf("] ") + 2).split(" source: "))
			.filter((parts) -> parts.length == 2)
			.collect(Collectors.toMap((parts) -> parts[0], (parts) -> parts[1].startsWith("shared objects file"),
					(a, b) -> a && b));
		List<String> required = List.of("dev.migration.cli.CurrentCommand", "dev.migration.cli.ConnectionOptions",
				"dev.migration.command.Migrator", "dev.migration.graph.RevisionGraph",
				"dev.migration.script.SqlScriptParser", "org.springframework.boot.context.properties.bind.Binder",
				"org.yaml.snakeyaml.Yaml", "org.h2.Driver", "org.h2.jdbc.JdbcConnection", "org.postgresql.Driver");
		assertThat(required.stream().filter((name) -> !shared.getOrDefault(name, false)))
			.as("the engine, the binder and the drivers, loaded from outside the archive")
			.isEmpty();
		List<String> notShared = shared.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue() && ARCHIVED.matcher(entry.getKey()).matches())
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		// those implementing picocli's interfaces: its class files (version 49) cannot be
		// archived, nor what extends them
		assertThat(notShared).as("classes loaded outside the archive").hasSizeLessThan(5);
		Files.delete(archive);
		Files.writeString(archive, "not an archive: the JVM goes on without it");
		assertThat(launch("current", environment)).isEqualTo(current);
		CliRunner.Result usage = launch("current --bogus", environment);
		assertThat(usage.exitCode()).isEqualTo(2);
		assertThat(usage.err()).startsWith("Unknown option: '--bogus'");
	}

	@Test
	void noArchiveWhenTurnedOff() throws IOException {
		CliRunner.Result result = launch("--version",
				Map.of("MIGRATION_CDS_DIR", this.cache.toString(), "MIGRATION_CDS", "false"));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).startsWith("migration ");
		assertThat(archives()).isEmpty();
	}

	@Test
	void anUnwritableCacheOnlyCostsTheArchive() throws IOException {
		Path file = Files.createFile(this.cache.resolve("not-a-directory"));
		CliRunner.Result result = launch("--version", Map.of("MIGRATION_CDS_DIR", file.resolve("sub").toString()));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).startsWith("migration ");
		assertThat(result.err()).isEmpty();
	}

}
