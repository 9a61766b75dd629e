package dev.migration.lint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a lint run found.
 *
 * @param findings findings that count, in revision and statement order
 * @param suppressed findings silenced by {@code -- lint:ignore}, with their reasons
 * @param revisions how many revisions were linted
 * @param statements how many statements were read
 * @param skipped Java revisions, which cannot be read as SQL
 * @param failOn the configured threshold, {@code null} for never
 */
public record LintReport(List<LintFinding> findings, List<LintFinding> suppressed, int revisions, int statements,
		List<String> skipped, @Nullable Severity failOn) {

	public LintReport {
		findings = List.copyOf(findings);
		suppressed = List.copyOf(suppressed);
		skipped = List.copyOf(skipped);
	}

	/** The highest severity found, {@code null} when nothing was. */
	public @Nullable Severity highest() {
		Severity highest = null;
		for (LintFinding finding : this.findings) {
			if (highest == null || finding.severity().compareTo(highest) > 0) {
				highest = finding.severity();
			}
		}
		return highest;
	}

	/** Whether a finding reaches {@code fail-on}. */
	public boolean fails() {
		Severity highest = highest();
		return this.failOn != null && highest != null && highest.compareTo(this.failOn) >= 0;
	}

	/** The findings of one revision. */
	public List<LintFinding> findingsOf(String revision) {
		return this.findings.stream().filter((finding) -> finding.revision().equals(revision)).toList();
	}

	/** The findings that reach {@code fail-on}. */
	public List<LintFinding> failing() {
		return this.findings.stream()
			.filter((finding) -> this.failOn != null && finding.severity().compareTo(this.failOn) >= 0)
			.toList();
	}

}
