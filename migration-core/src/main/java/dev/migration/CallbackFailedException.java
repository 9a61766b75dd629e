package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * A SQL callback script ({@code beforeUpgrade.sql}, {@code afterEachRevision.sql}, ...)
 * failed. Says which file, statement and line, for which revision when it ran around one,
 * the database's own message, and what to do.
 */
public class CallbackFailedException extends MigrationException {

	private final String callback;

	private final String location;

	private final int statementIndex;

	private final int line;

	private final @Nullable String revision;

	private final String databaseMessage;

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
		super(message(callback, location, statementIndex, line, revision, databaseMessage) + " " + remedy, cause);
		this.callback = callback;
		this.location = location;
		this.statementIndex = statementIndex;
		this.line = line;
		this.revision = revision;
		this.databaseMessage = databaseMessage;
	}

	private static String message(String callback, String location, int statementIndex, int line,
			@Nullable String revision, String databaseMessage) {
		String text = databaseMessage.strip();
		return "Callback " + callback + " (" + location + ((line > 0) ? ":" + line : "") + ", statement "
				+ statementIndex + ((revision != null) ? ", around revision " + revision : "") + ") failed: " + text
				+ (text.endsWith(".") ? "" : ".");
	}

	/** The event's file name, e.g. {@code afterUpgrade}. */
	public String getCallback() {
		return this.callback;
	}

	public String getLocation() {
		return this.location;
	}

	/** 1-based statement number. */
	public int getStatementIndex() {
		return this.statementIndex;
	}

	/** File line of the failed statement. */
	public int getLine() {
		return this.line;
	}

	/** The revision it ran around, {@code null} for a run-level callback. */
	public @Nullable String getRevision() {
		return this.revision;
	}

	public String getDatabaseMessage() {
		return this.databaseMessage;
	}

}
