package dev.migration.command;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationException;
import dev.migration.MigrationFailedException;
import dev.migration.Revision;

/**
 * What a failed step is reported as: the revision, the statement and line, the database's
 * message and state, and the remedy.
 */
final class StepFailures {

	/** Reported under the step runner's name, where users look for it. */
	private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

	private StepFailures() {
	}

	static RuntimeException offline(Revision revision, Exception ex) {
		Throwable cause = unwrap(ex);
		if (cause instanceof MigrationException migration) {
			return migration;
		}
		return new MigrationException("Revision " + revision.id() + " (" + revision.location()
				+ ") cannot be rendered as offline SQL: " + message(ex), cause);
	}

	static Throwable unwrap(Throwable ex) {
		return (ex instanceof RevisionExecution.StatementFailure && ex.getCause() != null) ? ex.getCause() : ex;
	}

	static String message(Throwable ex) {
		Throwable cause = unwrap(ex);
		String message = cause.getMessage();
		return (message != null && !message.isBlank()) ? message.strip() : cause.getClass().getName();
	}

	static MigrationException failure(Revision revision, RevisionExecution body, Exception ex, int completed,
			boolean rolledBack, String remedy) {
		if (ex instanceof CallbackRunner.Failure callback) {
			return callback.toException(remedy.replace("Fix the script", "Fix the callback"));
		}
		log.error("{}: failed in {}{}: {}", revision.id(), revision.location(),
				(body.currentIndex > 0) ? " (statement " + body.currentIndex + ")" : "", message(ex));
		Throwable cause = unwrap(ex);
		String sqlState = null;
		for (Throwable each = cause; each != null; each = each.getCause()) {
			if (each instanceof SQLException sql) {
				sqlState = sql.getSQLState();
				break;
			}
		}
		if ("42501".equals(sqlState)) {
			// PostgreSQL's insufficient_privilege: the script is fine, the user is not
			remedy = remedy.replace("Fix the script and run the command again",
					"The database user lacks a privilege the script needs: grant it, or run as a user that owns the "
							+ "schema, and run the command again");
		}
		return new MigrationFailedException(revision.id(), revision.location(), body.currentIndex, body.currentLine,
				sqlState, message(ex), completed, rolledBack, remedy, cause);
	}

}
