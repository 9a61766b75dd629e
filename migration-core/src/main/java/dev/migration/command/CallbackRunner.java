package dev.migration.command;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.CallbackFailedException;
import dev.migration.Revision;
import dev.migration.script.SqlCallbacks;
import dev.migration.script.SqlCallbacks.Event;
import dev.migration.script.SqlStatement;

/**
 * Runs (or, offline, renders) the SQL callback scripts of an event through the run's
 * sink, on the migration connection and in whatever transaction the caller opened.
 */
final class CallbackRunner {

	private static final Logger log = LoggerFactory.getLogger(CallbackRunner.class);

	static final CallbackRunner NONE = new CallbackRunner(SqlCallbacks.NONE);

	private final SqlCallbacks callbacks;

	CallbackRunner(SqlCallbacks callbacks) {
		this.callbacks = callbacks;
	}

	boolean has(@Nullable Event event) {
		return !this.callbacks.scripts(event).isEmpty();
	}

	/**
	 * Split every script for the dialect, so that one that does not split fails the run
	 * before anything ran.
	 */
	void check(SqlSink sink) {
		for (SqlCallbacks.Script script : this.callbacks.all()) {
			script.statements(sink.dialect());
		}
	}

	/**
	 * Run an event's scripts.
	 * @param event the event, nothing runs for {@code null}
	 * @param sink where the statements go
	 * @param revision the revision it runs around, {@code null} for a run-level event
	 * @throws Failure when a statement fails
	 */
	void run(@Nullable Event event, SqlSink sink, @Nullable Revision revision) {
		for (SqlCallbacks.Script script : this.callbacks.scripts(event)) {
			if (revision != null) {
				log.info("{}: running callback {}", revision.id(), script.location());
			}
			else {
				log.info("Running callback {}", script.location());
			}
			sink.comment("Callback " + script.event().fileName() + " (" + script.location() + ")"
					+ ((revision != null) ? " for " + revision.id() : ""));
			int index = 0;
			for (SqlStatement statement : script.statements(sink.dialect())) {
				index++;
				try {
					sink.execute(statement.sql());
				}
				catch (SQLException | RuntimeException ex) {
					throw new Failure(script, index, statement.line(), revision, ex);
				}
			}
		}
	}

	/** A callback's statement failed; the caller turns it into the public exception. */
	static final class Failure extends RuntimeException {

		private final SqlCallbacks.Script script;

		private final int index;

		private final int line;

		private final @Nullable Revision revision;

		Failure(SqlCallbacks.Script script, int index, int line, @Nullable Revision revision, Exception cause) {
			super("callback " + script.location() + ":" + line + " failed: " + databaseMessage(cause), cause);
			this.script = script;
			this.index = index;
			this.line = line;
			this.revision = revision;
		}

		CallbackFailedException toException(String remedy) {
			String text = databaseMessage(getCause());
			log.error("{}failed in callback {}:{} (statement {}): {}",
					(this.revision != null) ? this.revision.id() + ": " : "", this.script.location(), this.line,
					this.index, text);
			return new CallbackFailedException(this.script.event().fileName(), this.script.location(), this.index,
					this.line, (this.revision != null) ? this.revision.id() : null, text, remedy, getCause());
		}

		private static String databaseMessage(Throwable cause) {
			String message = cause.getMessage();
			return (message != null && !message.isBlank()) ? message.strip() : cause.getClass().getName();
		}

	}

	/**
	 * Run a run-level event's scripts in a transaction of their own.
	 * @param event the event
	 * @param errorEvent the event to run when one fails ({@code null} for none)
	 * @param sink the run's sink
	 * @param remedy what to do when one fails
	 * @throws SQLException from the database
	 */
	void runAlone(@Nullable Event event, @Nullable Event errorEvent, SqlSink sink, Supplier<String> remedy)
			throws SQLException {
		if (!has(event)) {
			return;
		}
		sink.begin();
		try {
			run(event, sink, null);
			sink.commit();
		}
		catch (Failure ex) {
			SQLException rollbackFailure = sink.rollback();
			CallbackFailedException failure = ex.toException(remedy.get());
			if (rollbackFailure != null) {
				failure.addSuppressed(rollbackFailure);
			}
			runAfterFailure(errorEvent, sink, failure);
			throw failure;
		}
	}

	/**
	 * The error callbacks of a failed run, after its work was rolled back; their own
	 * failure is logged and added to the run's, which is what the user sees.
	 * @param event the error event ({@code null} for none)
	 * @param sink the run's sink
	 * @param failure the run's failure
	 */
	void runAfterFailure(@Nullable Event event, SqlSink sink, RuntimeException failure) {
		if (event == null || !has(event)) {
			return;
		}
		try {
			sink.rollback();
			sink.begin();
			run(event, sink, null);
			sink.commit();
		}
		catch (SQLException | RuntimeException ex) {
			sink.rollback();
			log.error("The {} callback failed too: {}", event.fileName(), ex.getMessage());
			failure.addSuppressed(ex);
		}
	}

}
