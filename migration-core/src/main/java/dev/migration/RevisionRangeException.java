package dev.migration;

/** A range {@code lower:upper} whose lower end is not an ancestor of its upper end. */
public class RevisionRangeException extends RevisionResolutionException {

	private final String lower;

	private final String upper;

	public RevisionRangeException(String identifier, String lower, String upper, boolean reversed) {
		super("Revision " + lower + " is not an ancestor of revision " + upper + " in range '" + identifier + "'; "
				+ (reversed ? "ranges go from older to newer: write '" + upper + ":" + lower + "'"
						: "the two are on different branches: use ':" + upper + "' for the history of " + upper),
				identifier);
		this.lower = lower;
		this.upper = upper;
	}

	public String getLower() {
		return this.lower;
	}

	public String getUpper() {
		return this.upper;
	}

}
