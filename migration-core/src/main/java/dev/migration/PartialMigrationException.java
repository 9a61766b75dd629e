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

	/**
	 * A killed run the engine could not resume on its own: the one statement that may or
	 * may not have run leaves no trace it can check, or the revision cannot be resumed
	 * part-way at all.
	 * @param revision the revision left half done
	 * @param location its file or class
	 * @param direction what the step was doing ({@code upgrade}, {@code downgrade})
	 * @param statementsDone statements recorded as completed
	 * @param statementsTotal statements in the step, when known
	 * @param why why the engine cannot tell
	 * @param statement the statement that may or may not have run (with its line), when
	 * that is what cannot be told
	 * @param undoTarget what to stamp after undoing by hand (the version table now)
	 * @param finishTarget what to stamp after finishing by hand
	 */
	public PartialMigrationException(String revision, @Nullable String location, String direction, int statementsDone,
			@Nullable Integer statementsTotal, String why, @Nullable String statement, String undoTarget,
			String finishTarget) {
		super(undecided(revision, location, direction, statementsDone, statementsTotal, why, statement, undoTarget,
				finishTarget));
		this.revision = revision;
		this.location = location;
		this.statementsDone = statementsDone;
		this.statementsTotal = statementsTotal;
	}

	private static String undecided(String revision, @Nullable String location, String direction, int done,
			@Nullable Integer total, String why, @Nullable String statement, String undoTarget, String finishTarget) {
		String ran = progress(done, total);
		String next = (statement != null) ? "; statement " + (done + 1)
				+ " may or may not have run, and the engine cannot tell: " + why + ". The statement: " + statement
				: ", and the engine cannot resume it on its own: " + why;
		return "A previous " + direction + " of revision " + revision
				+ ((location != null) ? " (" + location + ")" : "") + " did not finish (the process ended mid-way). "
				+ "Progress: " + ran + next + (next.endsWith(".") ? "" : ".")
				+ " Resolve it by hand before migrating again: either undo what ran and run 'repair' (or 'stamp "
				+ undoTarget + "'), or finish the revision by hand and run 'stamp " + finishTarget
				+ "'. Either records the resolution and clears this marker.";
	}

	private static String progress(int done, @Nullable Integer total) {
		String of = (total != null) ? " of " + total : "";
		return (done == 0) ? "no statement is recorded as completed"
				: (done == 1) ? "statement 1" + of + " completed" : "statements 1-" + done + of + " completed";
	}

	private static String message(String revision, @Nullable String location, String direction, int done,
			@Nullable Integer total, @Nullable String error, String undoTarget, String finishTarget) {
		String ran = progress(done, total);
		String next = (total == null || done < total) ? "; statement " + (done + 1) + " may or may not have run" : "";
		String how = (error != null) ? "failed: " + error.strip() : "did not finish (the process ended mid-way)";
		if (error == null) {
			// what status and validate report; a run resumes it when it can tell
			return "A previous " + direction + " of revision " + revision
					+ ((location != null) ? " (" + location + ")" : "") + " " + how + ". Progress: " + ran + next
					+ ". The next upgrade or downgrade resumes it where it can tell what ran; where it cannot, "
					+ "resolve it by hand: either undo what ran and run 'repair' (or 'stamp " + undoTarget
					+ "'), or finish the revision by hand and run 'stamp " + finishTarget
					+ "'. Either records the resolution and clears this marker.";
		}
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
