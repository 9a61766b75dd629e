package dev.migration.cli;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine;

import dev.migration.MigrationConfig;

/**
 * What the CLI's {@code upgrade} would run with, read through its own option parsing and
 * settings (in the CLI's package, which this test class shares on the test class path).
 */
public final class CliSettingsProbe {

	private final ConnectionOptions options;

	private CliSettingsProbe(ConnectionOptions options) {
		this.options = options;
	}

	/**
	 * Parse {@code migration upgrade} with arguments in a working directory.
	 * @param workingDirectory the working directory
	 * @param environment the environment variables
	 * @param args the options after {@code upgrade}
	 * @return the probe
	 */
	public static CliSettingsProbe upgrade(Path workingDirectory, Map<String, String> environment, String... args) {
		CommandLine commandLine = MigrationCli.commandLine(new MigrationCli(workingDirectory, environment));
		String[] all = new String[args.length + 1];
		all[0] = "upgrade";
		System.arraycopy(args, 0, all, 1, args.length);
		CommandLine.ParseResult parsed = commandLine.parseArgs(all);
		Object options = parsed.subcommand().commandSpec().mixins().get("connection").userObject();
		return new CliSettingsProbe((ConnectionOptions) options);
	}

	public MigrationConfig config() {
		return this.options.scriptsMigrator().config();
	}

	public String target() {
		return this.options.settings().properties().getTarget();
	}

}
