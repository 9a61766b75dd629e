package dev.migration.autogenerate;

import java.util.List;

/**
 * The outcome of {@code check}: exit code 0 when the database at head matches the models,
 * 1 with the differences otherwise.
 *
 * @param differences one line per difference, empty when clean
 */
public record CheckResult(List<String> differences) {

	public CheckResult {
		differences = List.copyOf(differences);
	}

	public int exitCode() {
		return this.differences.isEmpty() ? 0 : 1;
	}

	/** What {@code check} prints. */
	public String report() {
		if (this.differences.isEmpty()) {
			return "No new upgrade operations detected.";
		}
		return "New upgrade operations detected:\n  - " + String.join("\n  - ", this.differences);
	}

}
