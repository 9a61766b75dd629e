package dev.migration.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.migration.benchmarks.Results.Case;
import dev.migration.benchmarks.Results.Series;

/**
 * The Markdown report: machine and versions, a summary (median and ratio to the floor),
 * the targets, the details (spread, heap) and the one-off checks.
 */
final class Report {

	private final HarnessOptions options;

	private final Results results;

	private final String dbVersion;

	Report(HarnessOptions options, Results results, String dbVersion) {
		this.options = options;
		this.results = results;
		this.dbVersion = dbVersion;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("### Benchmark results (").append(this.options.server().kind().label()).append(")\n\n");
		machine(md);
		summary(md);
		targets(md);
		details(md);
		if (!this.results.facts().isEmpty()) {
			md.append("\n| check | result |\n|---|---|\n");
			this.results.facts()
				.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
		}
		md.append('\n');
		md.append("Rounds: ")
			.append(this.options.rounds())
			.append(" measured per N (")
			.append(this.options.largeRounds())
			.append(" at N=10,000 and above), after ")
			.append(this.options.warmup())
			.append(" unmeasured warm-up round(s) at the first N. Contenders take turns (order rotates each round), "
					+ "each on a fresh database. Times in ms: median (min-max). "
					+ "Peak heap: heap pools' peak during the call after a GC, harness data included; "
					+ "alloc: bytes allocated by the calling thread; CPU: the calling thread's CPU time "
					+ "(the contenders' own work, whatever else the machine runs).\n");
		this.results.notes().forEach((note) -> md.append('\n').append(note).append('\n'));
		return md.toString();
	}

	private void machine(StringBuilder md) {
		md.append("| machine | |\n|---|---|\n");
		md.append("| date | ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" |\n");
		md.append("| CPU | ")
			.append(cpuModel())
			.append(", ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores |\n");
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		md.append("| memory | ").append(Math.round(memory / 1024.0 / 1024.0 / 1024.0)).append(" GiB |\n");
		md.append("| JVM | ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(", max heap ")
			.append(Runtime.getRuntime().maxMemory() / 1024 / 1024)
			.append(" MB |\n");
		md.append("| load average (1, 5, 15 min) at the end | ").append(loadAverage()).append(" |\n");
		md.append("| database | ").append(this.dbVersion).append(" |\n");
		md.append("| tools | Flyway ")
			.append(version("org.flywaydb.core.Flyway"))
			.append(", Liquibase ")
			.append(version("liquibase.Liquibase"))
			.append(", JDBC: PostgreSQL ")
			.append(version("org.postgresql.Driver"))
			.append(", MariaDB ")
			.append(version("org.mariadb.jdbc.Driver"))
			.append(", H2 ")
			.append(version("org.h2.Driver"))
			.append(" |\n\n");
	}

	private void summary(StringBuilder md) {
		List<String> contenders = this.options.contenders();
		md.append("| case | N |");
		contenders.forEach((c) -> md.append(' ').append(c).append(" |"));
		md.append("\n|---|---:|");
		contenders.forEach((c) -> md.append("---:|"));
		md.append('\n');
		for (Case benchCase : Case.values()) {
			Set<Integer> sizes = new TreeSet<>();
			this.results.all()
				.keySet()
				.stream()
				.filter((key) -> key.benchCase() == benchCase)
				.forEach((key) -> sizes.add(key.n()));
			for (int n : sizes) {
				if (contenders.stream().allMatch((c) -> this.results.find(benchCase, n, c) == null)) {
					continue;
				}
				md.append("| ").append(benchCase.label).append(" | ").append(String.format("%,d", n)).append(" |");
				for (String contender : contenders) {
					md.append(' ').append(cell(benchCase, n, contender)).append(" |");
				}
				md.append('\n');
			}
		}
	}

	private String cell(Case benchCase, int n, String contender) {
		Series series = this.results.find(benchCase, n, contender);
		if (series == null) {
			return "";
		}
		if (series.skipped() != null) {
			return series.skipped();
		}
		if (series.runs() == 0) {
			return (series.error() != null) ? "failed" : "";
		}
		String cell = ms(series.median());
		Double ratio = ratio(benchCase, n, series);
		return (ratio != null && !contender.equals(FloorContender.NAME)) ? cell + String.format(" (%.2f×)", ratio)
				: cell;
	}

	private @Nullable Double ratio(Case benchCase, int n, Series series) {
		Case floorCase = (benchCase == Case.GRAPH_BRANCHED) ? Case.GRAPH : benchCase;
		Series floor = this.results.find(floorCase, n, FloorContender.NAME);
		if (floor == null || floor.runs() == 0 || series.runs() == 0) {
			return null;
		}
		return series.median() / floor.median();
	}

	private void targets(StringBuilder md) {
		md.append("\n| target | measured | met |\n|---|---|---|\n");
		Series apply = this.results.find(Case.APPLY, 1000, EngineContender.NAME);
		Double ratio = (apply != null) ? ratio(Case.APPLY, 1000, apply) : null;
		String applyTarget = "apply N=1,000 on " + this.options.server().kind().label() + " ≤ 1.15× floor";
		target(md, applyTarget, (ratio != null) ? String.format("%.2f×", ratio) : null,
				(ratio != null) ? ratio <= 1.15 : null);
		Series upToDate = this.results.find(Case.UP_TO_DATE, 1000, EngineContender.NAME);
		boolean hasUpToDate = upToDate != null && upToDate.runs() > 0;
		target(md, "nothing to do at N=1,000 ≤ 100 ms",
				hasUpToDate ? ms(upToDate.median()) + " ms (CPU " + ms(upToDate.cpuMillis()) + " ms)" : null,
				hasUpToDate ? upToDate.median() <= 100 : null);
		Series graph = this.results.find(Case.GRAPH, 10000, EngineContender.NAME);
		boolean hasGraph = graph != null && graph.runs() > 0;
		target(md, "graph load + resolve at N=10,000 < 50 ms (files: load, parse, checksum, plan)",
				hasGraph ? ms(graph.median()) + " ms (CPU " + ms(graph.cpuMillis()) + " ms)" : null,
				hasGraph ? graph.median() < 50 : null);
		Double graphJmh = this.results.metric(JmhBenchmarks.GRAPH_MS + "1");
		Double branchedJmh = this.results.metric(JmhBenchmarks.GRAPH_MS + "10");
		target(md, "graph load + resolve at N=10,000 < 50 ms (in memory: RevisionGraph.of + planUpgrade, JMH)",
				(graphJmh != null) ? String.format("%.1f ms (10 branches: %s)", graphJmh,
						(branchedJmh != null) ? String.format("%.1f ms", branchedJmh) : "-") : null,
				(graphJmh != null) ? graphJmh < 50 && (branchedJmh == null || branchedJmh < 50) : null);
		Double splitter = this.results.metric(JmhBenchmarks.SPLITTER_MBPS);
		target(md, "splitter ≥ 50 MB/s (JMH, 1 MB PostgreSQL script)",
				(splitter != null) ? String.format("%.1f MB/s", splitter) : null,
				(splitter != null) ? splitter >= 50 : null);
		Double memory = this.results.metric(MemoryCheck.PASSED);
		target(md, "nothing to do at the largest N with " + MemoryCheck.HEAP,
				(memory != null) ? ((memory > 0) ? "completed" : "failed") : null,
				(memory != null) ? memory > 0 : null);
	}

	private static void target(StringBuilder md, String target, @Nullable String measured, @Nullable Boolean met) {
		md.append("| ")
			.append(target)
			.append(" | ")
			.append((measured != null) ? measured : "not measured")
			.append(" | ")
			.append((met == null) ? "-" : (met ? "yes" : "**no**"))
			.append(" |\n");
	}

	private void details(StringBuilder md) {
		md.append("\n<details><summary>All cases: spread, ratios, heap</summary>\n\n");
		md.append("| case | N | tool | median ms | min-max ms | × floor | CPU ms | peak heap MB | alloc MB | runs |\n");
		md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
		Set<String> errors = new LinkedHashSet<>();
		for (Map.Entry<Results.Key, Series> entry : this.results.all().entrySet()) {
			Results.Key key = entry.getKey();
			Series series = entry.getValue();
			if (series.error() != null) {
				errors.add(key.contender() + ", " + key.benchCase().label + ", N=" + key.n() + ": " + series.error());
			}
			if (series.runs() == 0) {
				continue;
			}
			Double ratio = ratio(key.benchCase(), key.n(), series);
			md.append(String.format("| %s | %,d | %s | %s | %s-%s | %s | %s | %.0f | %.1f | %d |%n",
					key.benchCase().label, key.n(), key.contender(), ms(series.median()), ms(series.min()),
					ms(series.max()), (ratio != null) ? String.format("%.2f", ratio) : "", ms(series.cpuMillis()),
					series.peakHeapMb(), series.allocatedMb(), series.runs()));
		}
		md.append("\n</details>\n");
		if (!errors.isEmpty()) {
			md.append("\nFailures:\n\n");
			errors.forEach((error) -> md.append("- ").append(error).append('\n'));
		}
	}

	static String ms(double millis) {
		return (millis >= 100) ? String.format("%,.0f", millis) : String.format("%.1f", millis);
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (Exception ex) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (Exception ex) {
			// not Linux: fall through to the architecture
		}
		return System.getProperty("os.arch");
	}

	/** The version in the name of the jar that holds the class, as copied to lib/. */
	static String version(String className) {
		try {
			Class<?> type = Class.forName(className, false, Report.class.getClassLoader());
			String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
				.getFileName()
				.toString();
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("-(\\d[\\w.-]*)\\.jar$").matcher(jar);
			return matcher.find() ? matcher.group(1) : jar;
		}
		catch (Exception | LinkageError ex) {
			return "?";
		}
	}

}
