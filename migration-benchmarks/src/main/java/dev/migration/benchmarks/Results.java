package dev.migration.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every sample, by case, N and contender, plus the one-off checks (memory, start-up,
 * JMH).
 */
final class Results {

	private final Map<Key, Series> series = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private final Map<String, String> facts = new LinkedHashMap<>();

	private final Map<String, Double> metrics = new LinkedHashMap<>();

	Series series(Case benchCase, int n, String contender) {
		return this.series.computeIfAbsent(new Key(benchCase, n, contender), (key) -> new Series());
	}

	@Nullable Series find(Case benchCase, int n, String contender) {
		return this.series.get(new Key(benchCase, n, contender));
	}

	Map<Key, Series> all() {
		return Collections.unmodifiableMap(this.series);
	}

	void note(String note) {
		this.notes.add(note);
	}

	List<String> notes() {
		return this.notes;
	}

	/** A named one-off figure (memory check, start-up, JMH), shown in the report. */
	void fact(String name, String value) {
		this.facts.put(name, value);
	}

	/** A number a target is checked against (JMH scores, the memory check). */
	void metric(String name, double value) {
		this.metrics.put(name, value);
	}

	@Nullable Double metric(String name) {
		return this.metrics.get(name);
	}

	Map<String, String> facts() {
		return this.facts;
	}

	/** The cases measured for each N. */
	enum Case {

		APPLY("apply all from empty"), UP_TO_DATE("nothing to do (fresh instance)"), VALIDATE("validate checksums"),
		GRAPH("load + resolve graph"), GRAPH_BRANCHED("load + resolve, 10 branches merged"),
		REAL_APPLY("realistic corpus: apply all from empty"),
		REAL_UP_TO_DATE("realistic corpus: nothing to do (fresh instance)"),
		REAL_VALIDATE("realistic corpus: validate checksums");

		final String label;

		Case(String label) {
			this.label = label;
		}

	}

	record Key(Case benchCase, int n, String contender) {
	}

	/** The samples of one case, N and contender. */
	static final class Series {

		private final List<Double> millis = new ArrayList<>();

		private final List<Double> peakHeapMb = new ArrayList<>();

		private final List<Double> allocatedMb = new ArrayList<>();

		private final List<Double> cpuMillis = new ArrayList<>();

		private @Nullable String error;

		private @Nullable String skipped;

		void add(double millis, double peakHeapMb, double allocatedMb, double cpuMillis) {
			this.millis.add(millis);
			this.cpuMillis.add(cpuMillis);
			this.peakHeapMb.add(peakHeapMb);
			this.allocatedMb.add(allocatedMb);
		}

		void fail(String error) {
			if (this.error == null) {
				this.error = error;
			}
		}

		void skip(String why) {
			this.skipped = why;
		}

		@Nullable String error() {
			return this.error;
		}

		@Nullable String skipped() {
			return this.skipped;
		}

		int runs() {
			return this.millis.size();
		}

		double median() {
			return median(this.millis);
		}

		double min() {
			return this.millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
		}

		double max() {
			return this.millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
		}

		double peakHeapMb() {
			return this.peakHeapMb.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
		}

		double cpuMillis() {
			return median(this.cpuMillis);
		}

		double allocatedMb() {
			return median(this.allocatedMb);
		}

		private static double median(List<Double> values) {
			if (values.isEmpty()) {
				return Double.NaN;
			}
			List<Double> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			int mid = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
		}

	}

}
