package dev.migration.benchmarks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jspecify.annotations.Nullable;

import dev.migration.benchmarks.Results.Case;

/**
 * One command measures everything: for each N, rounds in which the contenders take turns
 * (the order rotates every round), each on a fresh database; then the memory check, the
 * application start-up and the JMH benchmarks; then the Markdown report on stdout and in
 * {@code target/results.md}.
 */
public final class BenchmarkHarness {

	private final HarnessOptions options;

	private final Results results = new Results();

	private @Nullable String realisticFingerprint;

	BenchmarkHarness(HarnessOptions options) {
		quietLogging();
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		quietLogging();
		if (List.of(args).contains("--help")) {
			System.out.print(HarnessOptions.USAGE);
			return;
		}
		HarnessOptions options;
		try {
			options = HarnessOptions.parse(args, targetDir());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		BenchmarkHarness harness = new BenchmarkHarness(options);
		String report = harness.run();
		System.out.println(report);
		harness.writeReport(report);
		System.err.println("Report written to " + options.out().toAbsolutePath());
	}

	private void writeReport(String report) throws IOException {
		Files.createDirectories(this.options.out().toAbsolutePath().getParent());
		Files.writeString(this.options.out(), report);
	}

	/**
	 * Only warnings: the contenders' per-revision info lines would otherwise dominate
	 * what is measured, and each tool logs differently.
	 */
	static void quietLogging() {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
		Logger.getLogger("").setLevel(Level.WARNING);
		Logger.getLogger("liquibase").setLevel(Level.WARNING);
	}

	/** The directory of benchmarks.jar: {@code migration-benchmarks/target}. */
	private static Path targetDir() {
		try {
			Path location = Path.of(BenchmarkHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return location.toAbsolutePath().getParent();
		}
		catch (URISyntaxException ex) {
			return Path.of("").toAbsolutePath();
		}
	}

	Results results() {
		return this.results;
	}

	String run() throws Exception {
		long start = System.nanoTime();
		String dbVersion = this.options.server().version();
		List<Contender> contenders = contenders();
		for (int n : this.options.sizes()) {
			runSize(n, contenders);
			// A partial report after each N: a long run cut short still leaves its
			// figures.
			writeReport(
					new Report(this.options, this.results, dbVersion).markdown() + "\n(partial: up to N=" + n + ")\n");
		}
		if (this.options.realistic() > 0) {
			runRealistic(this.options.realistic(), contenders);
			writeReport(new Report(this.options, this.results, dbVersion).markdown()
					+ "\n(partial: up to the realistic corpus)\n");
		}
		if (this.options.startupRuns() > 0) {
			new StartupBenchmark(this.options.server(), this.results, this.options.startupRuns(),
					this.options.sampleJar())
				.run();
		}
		if (this.options.jmh()) {
			JmhBenchmarks.run(this.results, this.options.out().resolveSibling("jmh.log"));
		}
		this.results.note(String.format("Whole run took %.1f min.", (System.nanoTime() - start) / 6e10));
		return new Report(this.options, this.results, dbVersion).markdown();
	}

	private List<Contender> contenders() {
		List<Contender> all = List.of(new FloorContender(), new ProgressFloorContender(), new EngineContender(),
				new FlywayContender(), new LiquibaseContender());
		return all.stream().filter((c) -> this.options.contenders().contains(c.name())).toList();
	}

	private boolean memoryCheckAt(int n) {
		return this.options.memoryCheck() && this.options.contenders().contains(EngineContender.NAME)
				&& n == Collections.max(this.options.sizes());
	}

	private void runSize(int n, List<Contender> contenders) throws IOException {
		ScriptSet linear = ScriptSet.linear(n);
		// 10 branches from N=12 on; fewer for the smoke test's tiny N
		ScriptSet branched = ScriptSet.branched(n, Math.max(2, Math.min(10, n - 2)));
		BenchDatabase kept = null;
		try {
			int warmup = (n == this.options.sizes().get(0)) ? this.options.warmupFor(n) : 0;
			int rounds = this.options.roundsFor(n);
			List<Contender> active = new ArrayList<>();
			for (Contender contender : contenders) {
				if (n >= HarnessOptions.LARGE && this.options.skipLarge().contains(contender.name())) {
					for (Case benchCase : List.of(Case.APPLY, Case.UP_TO_DATE, Case.VALIDATE, Case.GRAPH)) {
						this.results.series(benchCase, n, contender.name()).skip("skipped (--skip-large)");
					}
				}
				else {
					active.add(contender);
				}
			}
			for (int round = 0; round < warmup + rounds; round++) {
				boolean measured = round >= warmup;
				progress("N=%d round %d/%d%s", n, round + 1, warmup + rounds, measured ? "" : " (warm-up)");
				List<Contender> order = new ArrayList<>(active);
				Collections.rotate(order, -round);
				boolean last = round == warmup + rounds - 1;
				for (Contender contender : order) {
					boolean keep = last && memoryCheckAt(n) && contender.name().equals(EngineContender.NAME);
					BenchDatabase db = runRound(contender, n, linear, measured, keep);
					kept = (db != null) ? db : kept;
				}
				if (this.options.contenders().contains(EngineContender.NAME)) {
					EngineContender us = new EngineContender();
					record(Case.GRAPH_BRANCHED, n, us.name(), measured, () -> us.graph(null, branched) == n ? 0 : -1,
							0);
				}
			}
			if (memoryCheckAt(n)) {
				// Reuses our database from the last round: a second apply of N=10,000
				// would
				// double the run.
				new MemoryCheck(this.options.server(), this.results).run(n, kept, linear);
			}
		}
		finally {
			if (kept != null) {
				kept.close();
			}
			linear.delete();
			branched.delete();
		}
	}

	/**
	 * The realistic corpus ({@link RealisticCorpus}): apply, nothing to do and validate,
	 * rounds as for the synthetic one, the order rotating, a fresh database each turn.
	 */
	private void runRealistic(int n, List<Contender> contenders) {
		ScriptSet scripts = ScriptSet.realistic(n, this.options.server().kind());
		try {
			int warmup = this.options.sizes().isEmpty() ? this.options.warmup() : 0;
			int rounds = this.options.rounds();
			for (int round = 0; round < warmup + rounds; round++) {
				boolean measured = round >= warmup;
				progress("realistic corpus, %d revisions, round %d/%d%s", n, round + 1, warmup + rounds,
						measured ? "" : " (warm-up)");
				List<Contender> order = new ArrayList<>(contenders);
				Collections.rotate(order, -round);
				for (Contender contender : order) {
					String name = contender.name();
					try (BenchDatabase db = BenchDatabase.create(this.options.server())) {
						boolean ok = record(Case.REAL_APPLY, n, name, measured, () -> contender.apply(db, scripts), n);
						ok = ok && sameResult(n, name, db.corpusFingerprint());
						ok = ok && record(Case.REAL_UP_TO_DATE, n, name, measured,
								() -> contender.upToDate(db, scripts), 0);
						ok = ok && record(Case.REAL_VALIDATE, n, name, measured, () -> contender.validate(db, scripts),
								0);
					}
					catch (Exception ex) {
						this.results.series(Case.REAL_APPLY, n, name)
							.fail("database set-up failed: " + ex.getMessage());
					}
				}
			}
		}
		finally {
			scripts.delete();
		}
	}

	/**
	 * Every contender must leave the same objects and rows behind: the first fingerprint
	 * taken is the reference, a different one fails that contender's apply.
	 */
	private boolean sameResult(int n, String contender, String fingerprint) {
		if (this.realisticFingerprint == null) {
			this.realisticFingerprint = fingerprint;
			progress("  realistic corpus leaves: %s", fingerprint);
			return true;
		}
		if (!this.realisticFingerprint.equals(fingerprint)) {
			this.results.series(Case.REAL_APPLY, n, contender)
				.fail("left " + fingerprint + ", others left " + this.realisticFingerprint);
			return false;
		}
		return true;
	}

	/**
	 * One contender's turn; returns the database instead of dropping it when asked to
	 * keep it (and all went well).
	 */
	private @Nullable BenchDatabase runRound(Contender contender, int n, ScriptSet scripts, boolean measured,
			boolean keep) {
		String name = contender.name();
		BenchDatabase db;
		try {
			db = BenchDatabase.create(this.options.server());
		}
		catch (Exception ex) {
			this.results.series(Case.APPLY, n, name).fail("database set-up failed: " + ex.getMessage());
			return null;
		}
		boolean ok = record(Case.APPLY, n, name, measured, () -> contender.apply(db, scripts), n);
		ok = ok && record(Case.UP_TO_DATE, n, name, measured, () -> contender.upToDate(db, scripts), 0);
		ok = ok && record(Case.VALIDATE, n, name, measured, () -> contender.validate(db, scripts), 0);
		ok = ok && record(Case.GRAPH, n, name, measured, () -> contender.graph(db, scripts), n);
		if (keep && ok) {
			return db;
		}
		db.close();
		return null;
	}

	private interface Call {

		int call() throws Exception;

	}

	/** Runs one case; a failure or a wrong result is recorded, not thrown. */
	private boolean record(Case benchCase, int n, String contender, boolean measured, Call call, int expected) {
		Results.Series series = this.results.series(benchCase, n, contender);
		try {
			Probe.Sample sample = Probe.measure(call::call);
			if (sample.result() != expected && !(benchCase == Case.GRAPH && sample.result() >= n)) {
				series.fail("returned " + sample.result() + ", expected " + expected);
				return false;
			}
			if (measured) {
				series.add(sample.millis(), sample.peakHeapMb(), sample.allocatedMb(), sample.cpuMillis());
			}
			progress("  %-9s %-36s %10.1f ms (cpu %.1f ms)", contender, benchCase.label, sample.millis(),
					sample.cpuMillis());
			return true;
		}
		catch (Throwable ex) {
			String message = ex.getClass().getSimpleName() + ": " + firstLine(ex.getMessage());
			series.fail(message);
			progress("  %-9s %-36s FAILED %s", contender, benchCase.label, message);
			return false;
		}
	}

	static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		String line = (newline >= 0) ? message.substring(0, newline) : message;
		return (line.length() > 160) ? line.substring(0, 160) + "..." : line;
	}

	static void progress(String format, Object... args) {
		System.err.println(String.format(format, args));
	}

}
