package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * A revision failed while it ran. Says which statement of which revision failed, at which
 * line, with the database's own message, what had already run and what to do.
 */
public class MigrationFailedException extends StatementFailureException {

	private final @Nullable String sqlState;

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
		super("Revision " + revision, revision, location, statementIndex, line, "", databaseMessage, remedy, cause);
		this.sqlState = sqlState;
		this.statementsCompleted = statementsCompleted;
		this.rolledBack = rolledBack;
	}

	public @Nullable String getSqlState() {
		return this.sqlState;
	}

	/** Statements of the revision that ran and stayed committed. */
	public int getStatementsCompleted() {
		return this.statementsCompleted;
	}

	public boolean isRolledBack() {
		return this.rolledBack;
	}

}
