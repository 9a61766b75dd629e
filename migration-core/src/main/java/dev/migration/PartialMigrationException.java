package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * A previous run left a revision half applied (a failure or a killed process on a
 * database whose DDL commits implicitly, or in a {@code transactional: false} revision).
 * The engine refuses to guess what to do; the user resolves it and records the outcome
 * with {@code stamp}, which clears the marker.
 */
public class PartialMigrationException extends MigrationException {

	private final String revision;

	private final @Nullable String location;

	private final int statementsDone;

	private final @Nullable Integer statementsTotal;

	/**
	 * Create the exception.
	 * @param revision the revision left half done
	 * @param location its file or class
	 * @param direction what the step was doing ({@code upgrade}, {@code downgrade})
	 * @param statementsDone statements recorded as completed
	 * @param statementsTotal statements in the step, when known
	 * @param error the failure, or {@code null} when the process ended mid-way
	 * @param undoTarget what to stamp after undoing by hand (the version table now)
	 * @param finishTarget what to stamp after finishing by hand
	 */
	public PartialMigrationException(String revision, @Nullable String location, String direction, int statementsDone,
			@Nullable Integer statementsTotal, @Nullable String error, String undoTarget, String finishTarget) {
		super(message(revision, location, direction, statementsDone, statementsTotal, error, undoTarget, finishTarget));
		this.revision = revision;
		this.location = location;
		this.statementsDone = statementsDone;
		this.statementsTotal = statementsTotal;
	}

	private static String message(String revision, @Nullable String location, String direction, int done,
			@Nullable Integer total, @Nullable String error, String undoTarget, String finishTarget) {
		String of = (total != null) ? " of " + total : "";
		String ran = (done == 0) ? "no statement is recorded as completed"
				: (done == 1) ? "statement 1" + of + " completed" : "statements 1-" + done + of + " completed";
		String next = (total == null || done < total) ? "; statement " + (done + 1) + " may or may not have run" : "";
		String how = (error != null) ? "failed: " + error.strip() : "did not finish (the process ended mid-way)";
		return "A previous " + direction + " of revision " + revision
				+ ((location != null) ? " (" + location + ")" : "") + " " + how + (how.endsWith(".") ? " " : ". ")
				+ "Progress: " + ran + next
				+ ", and the database cannot roll them back. Resolve it by hand before migrating again: either undo "
				+ "what ran and run 'stamp " + undoTarget + "', or finish the revision by hand and run 'stamp "
				+ finishTarget + "'. Stamping records the resolution and clears this marker "
				+ "(after undoing it, 'repair' does the same).";
	}

	public String getRevision() {
		return this.revision;
	}

	public @Nullable String getLocation() {
		return this.location;
	}

	public int getStatementsDone() {
		return this.statementsDone;
	}

	public @Nullable Integer getStatementsTotal() {
		return this.statementsTotal;
	}

}
