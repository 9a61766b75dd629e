package dev.migration;

import java.util.List;

/**
 * The result of {@code validate}: each problem with its remedy. Empty problems means
 * valid.
 *
 * @param problems what is wrong, one sentence each, naming revision, file and remedy
 * @param changedChecksums applied revisions whose script changed
 * @param unknownRevisions revisions in the database that no script knows
 * @param aheadOfScripts whether the database is ahead of the scripts
 */
public record ValidationReport(List<String> problems, List<String> changedChecksums, List<String> unknownRevisions,
		boolean aheadOfScripts) {

	public ValidationReport {
		problems = List.copyOf(problems);
		changedChecksums = List.copyOf(changedChecksums);
		unknownRevisions = List.copyOf(unknownRevisions);
	}

	public boolean isValid() {
		return this.problems.isEmpty();
	}

}
