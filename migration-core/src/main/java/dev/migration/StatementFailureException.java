package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * A statement of a script failed while it ran: a revision's
 * ({@link MigrationFailedException}) or a callback's ({@link CallbackFailedException}).
 * Keeps where it failed (file, line, statement) and the database's own message; the
 * message reads
 * {@code <what> (<file>:<line>, statement <n><context>) failed: <database message>. <remedy>}.
 */
public abstract class StatementFailureException extends LocatedException {

	private final @Nullable String revision;

	private final int statementIndex;

	private final String databaseMessage;

	/**
	 * Create the exception.
	 * @param what what failed, e.g. {@code Revision ae1027a6acf}
	 * @param revision the revision that failed, or that a callback ran around
	 * @param location the script's file or class
	 * @param statementIndex 1-based statement number, 0 when the failure was not in a
	 * statement
	 * @param line the file line of the statement, 0 when unknown
	 * @param context appended to the place in the message (e.g.
	 * {@code ", around revision ae10"}), or empty
	 * @param databaseMessage the database's (or the code's) own message
	 * @param remedy what the user should do
	 * @param cause the original failure
	 */
	protected StatementFailureException(String what, @Nullable String revision, String location, int statementIndex,
			int line, String context, String databaseMessage, String remedy, @Nullable Throwable cause) {
		super(message(what, at(location, line), statementIndex, context, databaseMessage) + " " + remedy, location,
				line, cause);
		this.revision = revision;
		this.statementIndex = statementIndex;
		this.databaseMessage = databaseMessage;
	}

	private static String message(String what, String where, int statementIndex, String context,
			String databaseMessage) {
		String statement = (statementIndex > 0) ? ", statement " + statementIndex : "";
		String text = databaseMessage.strip();
		return what + " (" + where + statement + context + ") failed: " + text + (text.endsWith(".") ? "" : ".");
	}

	/**
	 * The revision that failed, or that a callback ran around.
	 * @return the revision id; {@code null} only for a run-level callback
	 */
	public @Nullable String getRevision() {
		return this.revision;
	}

	/** 1-based statement number, 0 when the failure was not in a statement. */
	public int getStatementIndex() {
		return this.statementIndex;
	}

	/** The database's (or the code's) own message. */
	public String getDatabaseMessage() {
		return this.databaseMessage;
	}

}
