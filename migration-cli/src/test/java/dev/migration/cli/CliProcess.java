package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code migration.jar} as a real process, the way a user does.
 */
final class CliProcess {

	static final Path JAR = Path.of(System.getProperty("migration.cli.jar", "target/migration.jar"));

	static final Path LAUNCHER = Path.of(System.getProperty("migration.cli.launcher", "target/migration"));

	private CliProcess() {
	}

	static CliRunner.Result run(Path dir, String... args) {
		return execute(new ProcessBuilder(command(args)), dir, Map.of());
	}

	/** Runs the jar with the given text as its standard input (a user's answers). */
	static CliRunner.Result runWithInput(Path dir, String input, String... args) {
		try {
			Path in = Files.createTempFile("cli-in", ".txt");
			Files.writeString(in, input);
			try {
				return execute(new ProcessBuilder(command(args)), dir, Map.of(), in.toFile());
			}
			finally {
				Files.delete(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> command(String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-jar", JAR.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		return command;
	}

	/** Runs a command through bash, as a documented command line is run. */
	static CliRunner.Result bash(Path dir, String line, Map<String, String> environment) {
		return execute(new ProcessBuilder("bash", "-c", line), dir, environment);
	}

	private static CliRunner.Result execute(ProcessBuilder builder, Path dir, Map<String, String> environment) {
		return execute(builder, dir, environment, new java.io.File("/dev/null"));
	}

	private static CliRunner.Result execute(ProcessBuilder builder, Path dir, Map<String, String> environment,
			java.io.File input) {
		try {
			// the test's own settings must not leak into the CLI's relaxed binding
			builder.environment()
				.keySet()
				.removeIf((name) -> name.startsWith("MIGRATION_") || name.startsWith("SPRING_"));
			builder.environment().putAll(environment);
			Path out = Files.createTempFile("cli-out", ".txt");
			Path err = Files.createTempFile("cli-err", ".txt");
			Process process = builder.directory(dir.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(input))
				.start();
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + builder.command());
			}
			CliRunner.Result result = new CliRunner.Result(process.exitValue(), Files.readString(out),
					Files.readString(err));
			Files.delete(out);
			Files.delete(err);
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
