package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * A revision failed while it ran. Says which statement of which revision failed, at which
 * line, with the database's own message, what had already run and what to do.
 */
public class MigrationFailedException extends MigrationException {

	private final String revision;

	private final String location;

	private final int statementIndex;

	private final int line;

	private final @Nullable String sqlState;

	private final String databaseMessage;

	private final int statementsCompleted;

	private final boolean rolledBack;

	/**
	 * Create the exception.
	 * @param revision the revision id
	 * @param location its file or class
	 * @param statementIndex 1-based statement number, 0 when the failure was not in a
	 * statement (e.g. in Java code)
	 * @param line the file line of the statement, 0 when unknown
	 * @param sqlState the SQL state, if the database gave one
	 * @param databaseMessage the database's (or the code's) own message
	 * @param statementsCompleted statements of this revision that ran and stayed
	 * committed
	 * @param rolledBack whether the revision was rolled back entirely
	 * @param remedy what the user should do
	 * @param cause the original failure
	 */
	public MigrationFailedException(String revision, String location, int statementIndex, int line,
			@Nullable String sqlState, String databaseMessage, int statementsCompleted, boolean rolledBack,
			String remedy, @Nullable Throwable cause) {
		super(message(revision, location, statementIndex, line, databaseMessage) + " " + remedy, cause);
		this.revision = revision;
		this.location = location;
		this.statementIndex = statementIndex;
		this.line = line;
		this.sqlState = sqlState;
		this.databaseMessage = databaseMessage;
		this.statementsCompleted = statementsCompleted;
		this.rolledBack = rolledBack;
	}

	private static String message(String revision, String location, int statementIndex, int line,
			String databaseMessage) {
		StringBuilder where = new StringBuilder(location);
		if (line > 0) {
			where.append(':').append(line);
		}
		if (statementIndex > 0) {
			where.append(", statement ").append(statementIndex);
		}
		String text = databaseMessage.strip();
		return "Revision " + revision + " (" + where + ") failed: " + text + (text.endsWith(".") ? "" : ".");
	}

	public String getRevision() {
		return this.revision;
	}

	public String getLocation() {
		return this.location;
	}

	/** 1-based statement number, 0 when the failure was not in a statement. */
	public int getStatementIndex() {
		return this.statementIndex;
	}

	/** File line of the failed statement, 0 when unknown. */
	public int getLine() {
		return this.line;
	}

	public @Nullable String getSqlState() {
		return this.sqlState;
	}

	public String getDatabaseMessage() {
		return this.databaseMessage;
	}

	/** Statements of the revision that ran and stayed committed. */
	public int getStatementsCompleted() {
		return this.statementsCompleted;
	}

	public boolean isRolledBack() {
		return this.rolledBack;
	}

}
