package dev.migration;

import java.util.List;

/**
 * A range {@code lower:upper} whose lower end is not an ancestor of its upper end;
 * {@link #getRevisions()} holds the two ends, lower first.
 */
public class RevisionRangeException extends RevisionResolutionException {

	public RevisionRangeException(String identifier, String lower, String upper, boolean reversed) {
		super("Revision " + lower + " is not an ancestor of revision " + upper + " in range '" + identifier + "'; "
				+ (reversed ? "ranges go from older to newer: write '" + upper + ":" + lower + "'"
						: "the two are on different branches: use ':" + upper + "' for the history of " + upper),
				identifier, List.of(lower, upper));
	}

	public String getLower() {
		return getRevisions().get(0);
	}

	public String getUpper() {
		return getRevisions().get(1);
	}

}
