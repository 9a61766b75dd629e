package dev.migration.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.command.Migrator;
import dev.migration.benchmarks.BenchDatabase.Server;

/**
 * The memory target: a nothing-to-do run at the largest N in a child JVM limited to
 * {@value #HEAP}. The parent applies the revisions (unlimited heap); the child, a cold
 * JVM as an application start is, runs {@code upgrade heads} once with a new
 * {@link Migrator}.
 */
final class MemoryCheck {

	static final String HEAP = "-Xmx128m";

	static final String PASSED = "memory.passed";

	private static final String PASSWORD_VARIABLE = "MIGRATION_BENCH_PASSWORD";

	private final Server server;

	private final Results results;

	MemoryCheck(Server server, Results results) {
		this.server = server;
		this.results = results;
	}

	/**
	 * Runs the check on a database that the harness's last round at this N left applied.
	 * @param n the number of revisions
	 * @param db the database, with every revision applied by us; {@code null} when that
	 * round failed
	 * @param scripts the scripts
	 */
	void run(int n, @Nullable BenchDatabase db, ScriptSet scripts) {
		String name = "memory check: nothing to do at N=" + n + " with " + HEAP;
		BenchmarkHarness.progress("%s", name);
		if (this.server.kind() == BenchDatabase.DbKind.H2) {
			// An in-memory H2 database lives in this JVM only: the child could not see
			// it.
			this.results.fact(name, "not applicable on H2 (in-memory database); run with --db postgresql");
			return;
		}
		if (db == null) {
			this.results.metric(PASSED, 0);
			this.results.fact(name, "**not run**: our apply at N=" + n + " failed");
			return;
		}
		try {
			String url = db.url();
			ProcessBuilder builder = new ProcessBuilder(javaCommand(), HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp",
					System.getProperty("java.class.path"), MemoryCheck.class.getName(), url, db.user(),
					scripts.ours().toString())
				.redirectErrorStream(true);
			builder.environment().put(PASSWORD_VARIABLE, db.password());
			long start = System.nanoTime();
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			boolean finished = process.waitFor(10, TimeUnit.MINUTES);
			double wall = (System.nanoTime() - start) / 1e6;
			if (finished && process.exitValue() == 0 && output.contains("ok ")) {
				String line = output.substring(output.lastIndexOf("ok "));
				String[] parts = line.split("\\s+");
				this.results.metric(PASSED, 1);
				this.results.fact(name, String.format(
						"**pass**: completed; `upgrade heads` took %s ms in the child, peak heap %s MB; child process %.0f ms wall",
						parts[1], parts[2], wall));
			}
			else {
				this.results.metric(PASSED, 0);
				process.destroyForcibly();
				this.results.fact(name, "**FAIL**: exit " + (finished ? process.exitValue() : "timeout") + ": "
						+ BenchmarkHarness.firstLine(output.substring(Math.max(0, output.length() - 400))));
			}
		}
		catch (Exception ex) {
			this.results.metric(PASSED, 0);
			this.results.fact(name,
					"**FAIL**: " + ex.getClass().getSimpleName() + ": " + BenchmarkHarness.firstLine(ex.getMessage()));
		}
	}

	static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The child: {@code url user scriptsDir}, password from the environment.
	 * @param args the arguments
	 * @throws IOException never in practice
	 */
	public static void main(String[] args) throws IOException {
		BenchmarkHarness.quietLogging();
		String password = System.getenv(PASSWORD_VARIABLE);
		MigrationConfig config = MigrationConfig.builder()
			.dataSource(new dev.migration.sql.DriverDataSource(args[0], args[1], (password != null) ? password : ""))
			.locations("filesystem:" + args[2])
			.build();
		long start = System.nanoTime();
		int steps = new Migrator(config).upgrade("heads").steps().size();
		double millis = (System.nanoTime() - start) / 1e6;
		long peak = 0;
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
		for (MemoryPoolMXBean pool : pools) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		if (steps != 0) {
			System.out.println("error: " + steps + " revisions were applied, expected none");
			System.exit(1);
		}
		System.out.printf("ok %.0f %.0f%n", millis, peak / 1024.0 / 1024.0);
	}

}
