package dev.migration.benchmarks;

import java.nio.file.Path;
import java.util.Collection;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import dev.migration.benchmarks.jmh.GraphBenchmark;
import dev.migration.benchmarks.jmh.SplitterBenchmark;

/**
 * Runs the JMH benchmarks (forked JVM, settings from their annotations) and puts their
 * scores in the report. They also run alone:
 * {@code java -cp migration-benchmarks/target/benchmarks.jar org.openjdk.jmh.Main}.
 */
final class JmhBenchmarks {

	static final String SPLITTER_MBPS = "jmh.splitter.mbps";

	/** Followed by the number of branches. */
	static final String GRAPH_MS = "jmh.graph.ms.";

	private JmhBenchmarks() {
	}

	static void run(Results results, Path log) {
		BenchmarkHarness.progress("JMH: splitter and graph (about 1 minute)");
		try {
			Options options = new OptionsBuilder().include(SplitterBenchmark.class.getName())
				.include(GraphBenchmark.class.getName())
				.verbosity(VerboseMode.NORMAL)
				.output(log.toString())
				.build();
			Collection<RunResult> runs = new Runner(options).run();
			if (runs.size() < 3) {
				results.fact("JMH", "**FAILED** for some benchmarks: see " + log);
			}
			for (RunResult run : runs) {
				Result<?> primary = run.getPrimaryResult();
				String benchmark = run.getParams().getBenchmark();
				if (benchmark.endsWith("split")) {
					double mbPerSecond = SplitterBenchmark.SIZE_MB / (primary.getScore() / 1000.0);
					results.metric(SPLITTER_MBPS, mbPerSecond);
					results.fact("JMH splitter, 1 MB PostgreSQL script",
							String.format("%.1f MB/s (%.2f ± %.2f ms per MB)", mbPerSecond, primary.getScore(),
									primary.getScoreError()));
				}
				else {
					results.metric(GRAPH_MS + run.getParams().getParam("branches"), primary.getScore());
					results.fact(
							"JMH graph load + resolve, " + run.getParams().getParam("revisions") + " revisions, "
									+ run.getParams().getParam("branches") + " branch(es), in memory",
							String.format("%.2f ± %.2f ms", primary.getScore(), primary.getScoreError()));
				}
			}
		}
		catch (Exception ex) {
			results.fact("JMH", "**FAILED**: " + ex.getClass().getSimpleName() + ": "
					+ BenchmarkHarness.firstLine(ex.getMessage()));
		}
	}

}
