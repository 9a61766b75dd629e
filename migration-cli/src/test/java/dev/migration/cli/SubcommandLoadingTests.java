package dev.migration.cli;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the subcommand a run names is built; help, suggestions and errors see them all.
 */
class SubcommandLoadingTests {

	@TempDir
	Path dir;

	private CommandLine commandLine(String... args) {
		return MigrationCli.commandLine(new MigrationCli(this.dir, Map.of()), args);
	}

	@Test
	void aNamedSubcommandIsTheOnlyOneBuilt() {
		assertThat(commandLine("current", "--verbose").getSubcommands()).containsOnlyKeys("current");
		assertThat(commandLine("--debug", "upgrade", "heads").getSubcommands()).containsOnlyKeys("upgrade");
		assertThat(commandLine("import", "flyway").getSubcommands().get("import").getSubcommands())
			.containsKey("flyway");
	}

	@Test
	void helpVersionAndUnknownNamesSeeEverySubcommand() {
		int all = MigrationCli.SUBCOMMANDS.size();
		assertThat(commandLine("help", "current").getSubcommands()).hasSize(all);
		assertThat(commandLine("--help").getSubcommands()).hasSize(all);
		assertThat(commandLine().getSubcommands()).hasSize(all);
		assertThat(commandLine("curent").getSubcommands()).hasSize(all);
		assertThat(MigrationCli.commandLine(new MigrationCli(this.dir, Map.of())).getSubcommands()).hasSize(all);
	}

}
