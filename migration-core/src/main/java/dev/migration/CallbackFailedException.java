package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * A SQL callback script ({@code beforeUpgrade.sql}, {@code afterEachRevision.sql}, ...)
 * failed. Says which file, statement and line, for which revision when it ran around one,
 * the database's own message, and what to do.
 */
public class CallbackFailedException extends StatementFailureException {

	private final String callback;

	/**
	 * Create the exception.
	 * @param callback the event's file name, e.g. {@code afterUpgrade}
	 * @param location the callback script's file
	 * @param statementIndex 1-based statement number
	 * @param line the file line of the statement
	 * @param revision the revision it ran around, {@code null} for a run-level callback
	 * @param databaseMessage the database's own message
	 * @param remedy what the user should do
	 * @param cause the original failure
	 */
	public CallbackFailedException(String callback, String location, int statementIndex, int line,
			@Nullable String revision, String databaseMessage, String remedy, @Nullable Throwable cause) {
		super("Callback " + callback, revision, location, statementIndex, line,
				(revision != null) ? ", around revision " + revision : "", databaseMessage, remedy, cause);
		this.callback = callback;
	}

	/** The event's file name, e.g. {@code afterUpgrade}. */
	public String getCallback() {
		return this.callback;
	}

}
