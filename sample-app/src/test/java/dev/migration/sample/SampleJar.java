package dev.migration.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the repackaged jar ({@code target/sample-app.jar}, built by {@code package}) as
 * its own process, for the *IT tests.
 */
final class SampleJar {

	/** A guard against a hung process, not a performance bound. */
	static final long TIMEOUT_SECONDS = 180;

	private SampleJar() {
	}

	/**
	 * Run the jar until it exits.
	 * @param temp where the output is written
	 * @param jvmArgs options for the JVM, such as {@code -Dspring.aot.enabled=true}
	 * @param env environment variables to add
	 * @param args the application's arguments
	 * @return the exit code and output
	 */
	static Run run(Path temp, List<String> jvmArgs, Map<String, String> env, String... args) throws Exception {
		Path log = Files.createTempFile(temp, "run", ".log");
		Process process = start(log, jvmArgs, env, args);
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("java -jar did not exit within " + TIMEOUT_SECONDS + "s:\n"
					+ Files.readString(log, StandardCharsets.UTF_8));
		}
		return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	/**
	 * Run the jar until its output contains a line, then stop it (SIGTERM: a graceful
	 * shutdown) and wait for it to exit.
	 * @param temp where the output is written
	 * @param jvmArgs options for the JVM
	 * @param env environment variables to add
	 * @param awaited the output that ends the run, such as {@code Started}
	 * @param args the application's arguments
	 * @return the exit code and output; fails when the process exits before the awaited
	 * output
	 */
	static Run runUntil(Path temp, List<String> jvmArgs, Map<String, String> env, String awaited, String... args)
			throws Exception {
		Path log = Files.createTempFile(temp, "run", ".log");
		Process process = start(log, jvmArgs, env, args);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		try {
			while (!Files.readString(log, StandardCharsets.UTF_8).contains(awaited)) {
				if (!process.isAlive()) {
					throw new AssertionError("java -jar exited (" + process.exitValue() + ") before printing '"
							+ awaited + "':\n" + Files.readString(log, StandardCharsets.UTF_8));
				}
				if (System.nanoTime() > deadline) {
					throw new AssertionError("java -jar did not print '" + awaited + "' within " + TIMEOUT_SECONDS
							+ "s:\n" + Files.readString(log, StandardCharsets.UTF_8));
				}
				Thread.sleep(200);
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private static Process start(Path log, List<String> jvmArgs, Map<String, String> env, String... args)
			throws Exception {
		Path jar = Path.of("target/sample-app.jar").toAbsolutePath();
		assertThat(jar).as("the repackaged jar: run with `verify`, after `package`").exists();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(env);
		return builder.start();
	}

	record Run(int exitCode, String output) {
	}

}
