package dev.migration.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migration.benchmarks.BenchDatabase.DbKind;
import dev.migration.benchmarks.BenchDatabase.Server;

/**
 * Application start-up: the sample app ({@code sample-app/target/sample-app.jar}) started
 * as a new process, with the starter and nothing pending (the database was migrated by an
 * unmeasured first start) against the same jar with {@code migration.enabled=false}. The
 * figure is Spring Boot's own "process running for" at "Started ...", the median of
 * several starts, the variants taking turns.
 *
 * @param server the database server the sample app runs on
 * @param results where the figures go
 * @param runs the measured starts of each variant
 * @param jar the sample app's jar
 */
record StartupBenchmark(Server server, Results results, int runs, Path jar) {

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

	private static final String FACT = "application start-up (sample app)";

	void run() {
		if (!Files.isRegularFile(this.jar)) {
			this.results.fact(FACT, "skipped: " + this.jar + " not found (build it with `-pl migration-benchmarks,"
					+ "sample-app -am package`, or pass --sample-jar)");
			return;
		}
		BenchmarkHarness.progress("start-up: %d starts per variant of %s", this.runs, this.jar);
		Path h2Dir = null;
		BenchDatabase db = null;
		try {
			String url;
			if (this.server.kind() == DbKind.H2) {
				h2Dir = Files.createTempDirectory("migration-bench-startup");
				url = "jdbc:h2:file:" + h2Dir.resolve("notes");
			}
			else {
				db = BenchDatabase.create(this.server);
				url = db.url();
			}
			Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME",
					this.server.user(), "SPRING_DATASOURCE_PASSWORD", this.server.password(), "SERVER_PORT", "0");
			// Unmeasured: migrate the database, then one start of each variant for the
			// page cache.
			start(env, true);
			start(env, true);
			start(env, false);
			List<Double> with = new ArrayList<>();
			List<Double> without = new ArrayList<>();
			for (int i = 0; i < this.runs; i++) {
				with.add(start(env, true));
				without.add(start(env, false));
			}
			double withMedian = median(with);
			double withoutMedian = median(without);
			this.results.fact(FACT + ", starter on, nothing pending", String
				.format("%.0f ms (min %.0f, max %.0f, %d starts)", withMedian, min(with), max(with), with.size()));
			this.results.fact(FACT + ", migration.enabled=false",
					String.format("%.0f ms (min %.0f, max %.0f, %d starts)", withoutMedian, min(without), max(without),
							without.size()));
			this.results.fact(FACT + ", cost of the starter",
					String.format("%+.0f ms (%+.1f%%), medians of Boot's \"process running for\"",
							withMedian - withoutMedian, 100 * (withMedian - withoutMedian) / withoutMedian));
		}
		catch (Exception ex) {
			this.results.fact(FACT, "**FAILED**: " + ex.getClass().getSimpleName() + ": "
					+ BenchmarkHarness.firstLine(ex.getMessage()));
		}
		finally {
			if (db != null) {
				db.close();
			}
			if (h2Dir != null) {
				deleteTree(h2Dir);
			}
		}
	}

	/** One process start; returns Boot's "process running for" in ms. */
	private double start(Map<String, String> env, boolean starter) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(MemoryCheck.javaCommand(), "-jar", this.jar.toString())
			.redirectErrorStream(true);
		builder.environment().putAll(env);
		builder.environment().put("MIGRATION_ENABLED", Boolean.toString(starter));
		Process process = builder.start();
		List<String> tail = new ArrayList<>();
		@Nullable Double millis = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				tail.add(line);
				if (tail.size() > 20) {
					tail.remove(0);
				}
				Matcher matcher = STARTED.matcher(line);
				if (matcher.find()) {
					millis = Double.parseDouble(matcher.group(2)) * 1000;
					break;
				}
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		if (millis == null) {
			throw new IllegalStateException(
					"the sample app did not start (migration.enabled=" + starter + "): " + String.join(" / ", tail));
		}
		BenchmarkHarness.progress("  start-up, starter %-3s %8.0f ms", starter ? "on" : "off", millis);
		return millis;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int mid = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
	}

	private static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	private static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	private static void deleteTree(Path dir) {
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			System.err.println("warning: could not delete " + dir);
		}
	}

}
