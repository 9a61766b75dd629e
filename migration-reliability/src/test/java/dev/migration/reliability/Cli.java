package dev.migration.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.testing.TestDatabase;

/** Runs the packaged CLI, {@code migration.jar}, as an OS process. */
final class Cli {

	private Cli() {
	}

	static Path jar() {
		String jar = System.getProperty("migration.cli.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException(
					"The CLI jar is not built (migration.cli.jar=" + jar + "); run the reactor build: ./mvnw verify");
		}
		return Path.of(jar);
	}

	/**
	 * Start {@code migration <args> --url ... --locations filesystem:<folder>} in
	 * {@code workDir} (whose application.properties may hold settings such as the lock
	 * timeout); output goes to {@code workDir/<name>.out}.
	 */
	static Process start(TestDatabase db, Path folder, Path workDir, String name, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// small, quick-starting JVMs: 8 of them share 2 cores
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.add("-Xshare:auto");
		command.add("-jar");
		command.add(jar().toString());
		command.addAll(List.of(args));
		command.add("--url");
		command.add(db.url());
		if (!db.user().isEmpty()) {
			command.add("--user");
			command.add(db.user());
		}
		if (!db.password().isEmpty()) {
			command.add("--password=" + db.password());
		}
		command.add("--locations");
		command.add("filesystem:" + folder);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve(name + ".out").toFile());
		return builder.start();
	}

	/** Run to completion (bounded) and return the exit code. */
	static int run(TestDatabase db, Path folder, Path workDir, String name, String... args) throws Exception {
		Process process = start(db, folder, workDir, name, args);
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(
					"migration " + String.join(" ", args) + " did not finish in 120s: " + output(workDir, name));
		}
		return process.exitValue();
	}

	static String output(Path workDir, String name) throws IOException {
		Path file = workDir.resolve(name + ".out");
		return Files.exists(file) ? Files.readString(file) : "";
	}

	/** application.properties in the working directory with the given lock timeout. */
	static void settings(Path workDir, String lockTimeout) throws IOException {
		Files.writeString(workDir.resolve("application.properties"), "migration.lock-timeout=" + lockTimeout + "\n");
	}

}
