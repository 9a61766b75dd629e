package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher script's class-data-sharing archive: made by the first run, used by the
 * next, never visible in the output; off with {@code MIGRATION_CDS=false}.
 */
class LauncherIT {

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

	@Test
	void firstRunMakesTheArchiveAndTheNextRunsUseItWithTheSameOutput() throws IOException {
		Map<String, String> environment = Map.of("MIGRATION_CDS_DIR", this.cache.toString());
		CliRunner.Result first = launch("heads --url jdbc:h2:mem:launcher --locations filesystem:.", environment);
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(archives()).as("a JDK with dynamic archives (13+) makes one")
			.singleElement()
			.satisfies((archive) -> assertThat(archive.getFileName().toString()).startsWith("migration-")
				.endsWith(".jsa"));
		CliRunner.Result second = launch("heads --url jdbc:h2:mem:launcher --locations filesystem:.", environment);
		assertThat(second).isEqualTo(first);
		assertThat(second.err()).isEmpty();
		assertThat(archives()).hasSize(1);
		CliRunner.Result usage = launch("heads --bogus", environment);
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
