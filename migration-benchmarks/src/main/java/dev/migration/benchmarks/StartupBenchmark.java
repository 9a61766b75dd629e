package dev.migration.benchmarks;

/**
 * Application start-up with the starter and nothing pending, against the same application
 * without it. Filled in once the sample application exists.
 */
final class StartupBenchmark {

	private final Results results;

	private final int runs;

	StartupBenchmark(Results results, int runs) {
		this.results = results;
		this.runs = runs;
	}

	void run() {
		this.results.fact("application start-up", "not measured yet (" + this.runs + " runs requested)");
	}

}
