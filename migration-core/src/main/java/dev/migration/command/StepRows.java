package dev.migration.command;

import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.HistoryEntry.Direction;
import dev.migration.Revision;
import dev.migration.command.HistoryStore.Row;
import dev.migration.graph.MigrationStep;

/**
 * The history rows a run writes for its steps, by the run's user, and the recording of a
 * failed step: a failure to record it is logged and never hides the failure itself.
 */
final class StepRows {

	/** Reported under the step runner's name, where users look for it. */
	private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

	private final SqlSink sink;

	private final HistoryStore history;

	private final @Nullable String user;

	StepRows(SqlSink sink, HistoryStore history, @Nullable String user) {
		this.sink = sink;
		this.history = history;
		this.user = user;
	}

	Row row(MigrationStep step, Instant started, @Nullable Instant finished, @Nullable Long durationMs,
			@Nullable Boolean success, int done, @Nullable Integer total, @Nullable String error) {
		Revision revision = step.revision();
		// a stamped repeatable script counts as run at its checksum
		String checksum = (step.direction() == Direction.STAMP && !revision.repeatable()) ? null : revision.checksum();
		return new Row(0, revision.id(), step.direction(), revision.location(), checksum, started, finished, durationMs,
				this.user, success, done, total, error, revision.revises());
	}

	/**
	 * Record a step that failed and was rolled back (nothing offline, where there is no
	 * run to record).
	 * @param row the failed step's row
	 */
	void recordFailure(Row row) {
		if (this.sink.isOffline()) {
			return;
		}
		try {
			this.history.record(this.sink, row);
		}
		catch (SQLException | RuntimeException ex) {
			log.error("{}: could not record the failure in the history table: {}", row.revision(), ex.getMessage());
		}
	}

	/**
	 * Close the row a stepwise step opened as failed, at the statements that completed.
	 * @param id the row
	 * @param start when the step started ({@link System#nanoTime()})
	 * @param done the statements that completed
	 * @param ex the failure, which gets the recording's own failure as suppressed
	 */
	void recordStepwiseFailure(long id, long start, int done, Exception ex) {
		try {
			this.history.finish(this.sink, id, Instant.now(), millisSince(start), false, done,
					StepFailures.message(ex));
		}
		catch (SQLException | RuntimeException recording) {
			ex.addSuppressed(recording);
			log.error("Could not record the failure in the history table: {}", recording.getMessage());
		}
	}

	static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
