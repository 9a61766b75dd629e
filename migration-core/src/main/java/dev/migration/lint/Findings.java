package dev.migration.lint;

import java.util.ArrayList;
import java.util.List;

/** Collects findings, the suppressed apart. */
final class Findings {

	final List<LintFinding> found = new ArrayList<>();

	final List<LintFinding> suppressed = new ArrayList<>();

	int statements;

	void add(LintFinding finding) {
		(finding.suppressed() ? this.suppressed : this.found).add(finding);
	}

}
