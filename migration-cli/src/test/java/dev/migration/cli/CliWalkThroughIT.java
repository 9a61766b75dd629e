package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every command of the command-line walk-through in {@code docs/cli.md}, in order,
 * with the launcher script on the PATH, the way a newcomer types them.
 */
class CliWalkThroughIT {

	private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

	@TempDir
	Path home;

	@Test
	void walkThroughCommandsRunOnTheEmbeddedDatabase() throws IOException {
		String walkThrough = section(Files.readString(Docs.page("cli.md")));
		List<String> commands = new ArrayList<>();
		String sql = null;
		Matcher block = BLOCK.matcher(walkThrough);
		while (block.find()) {
			if (block.group(1).equals("sh")) {
				commands.addAll(block.group(2).lines().filter((line) -> !line.isBlank()).toList());
			}
			else if (block.group(1).equals("sql")) {
				sql = block.group(2);
				commands.add("#edit");
			}
		}
		assertThat(commands).contains("migration init", "migration upgrade", "migration history",
				"migration downgrade -1");
		assertThat(sql).isNotNull();
		Map<String, String> environment = Map.of("PATH",
				CliProcess.LAUNCHER.toAbsolutePath().getParent() + ":" + System.getenv("PATH"));
		Path dir = this.home;
		List<String> outputs = new ArrayList<>();
		for (String command : commands) {
			if (command.equals("#edit")) {
				edit(dir, sql);
			}
			else if (command.startsWith("cd ")) {
				dir = dir.resolve(command.substring(3).strip());
			}
			else {
				CliRunner.Result result = CliProcess.bash(dir, command, environment);
				assertThat(result.exitCode()).as(command + "\n" + result).isZero();
				outputs.add(result.out());
			}
		}
		assertThat(outputs.get(outputs.size() - 1)).isEqualTo("<base> (no revision applied)\n");
		assertThat(String.join("", outputs)).contains("Upgraded 1 revision in ", "(head), create account table\n",
				"Downgraded 1 revision in ");
	}

	/** The "## Walk-through" section of the page. */
	private static String section(String page) {
		int start = page.indexOf("\n## Walk-through\n");
		assertThat(start).as("docs/cli.md section '## Walk-through'").isPositive();
		int end = page.indexOf("\n## ", start + 1);
		return page.substring(start, (end < 0) ? page.length() : end);
	}

	/** What the reader does by hand: write the page's statements into the new file. */
	private static void edit(Path dir, String sql) throws IOException {
		try (Stream<Path> files = Files.list(dir.resolve("db/migration"))) {
			List<Path> scripts = files.toList();
			assertThat(scripts).hasSize(1);
			Path script = scripts.get(0);
			assertThat(script.getFileName().toString()).matches("[0-9a-f]{12}_create_account_table\\.sql");
			String text = Files.readString(script);
			Files.writeString(script, text.substring(0, text.indexOf("-- +upgrade")) + sql);
		}
	}

}
