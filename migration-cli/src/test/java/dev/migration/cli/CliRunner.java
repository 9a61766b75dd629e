package dev.migration.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine;

/**
 * Runs the CLI in-process in a working directory with a given environment, capturing
 * stdout and stderr.
 */
final class CliRunner {

	private final Path workingDirectory;

	private final Map<String, String> environment = new HashMap<>();

	CliRunner(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	CliRunner env(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	Result run(String... args) {
		CommandLine commandLine = MigrationCli.commandLine(new MigrationCli(this.workingDirectory, this.environment));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new Result(exitCode, out.toString(), err.toString());
	}

	/** What one run printed and returned. */
	record Result(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

}
