package dev.migration.command;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.Revision;
import dev.migration.command.HistoryStore.Row;
import dev.migration.graph.MigrationStep;
import dev.migration.script.SqlCallbacks.Event;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * A step that cannot share one transaction with its version-table change (MySQL DDL,
 * {@code transactional: false}, the resumption of a killed run's step): its history row
 * commits before anything of it runs, its progress after every statement, and the
 * version-table change with the row's close, so a failure or a kill leaves a row saying
 * how far it got.
 */
final class StepwiseStep {

	private final SqlSink sink;

	private final HeadTracker heads;

	private final HistoryStore history;

	private final CallbackRunner callbacks;

	private final StepRows rows;

	StepwiseStep(SqlSink sink, HeadTracker heads, HistoryStore history, CallbackRunner callbacks, StepRows rows) {
		this.sink = sink;
		this.heads = heads;
		this.history = history;
		this.callbacks = callbacks;
		this.rows = rows;
	}

	/**
	 * Run the step.
	 * @param step the step
	 * @param started when it started, for its history row
	 * @param start when it started ({@link System#nanoTime()}), for its duration
	 * @param resume how to finish a killed run's step, {@code null} for a new step
	 * @param current the version table before the step, for messages
	 * @throws SQLException from the database
	 */
	void run(MigrationStep step, Instant started, long start, Resume.@Nullable Decision resume, List<String> current)
			throws SQLException {
		this.sink.commit();
		Revision revision = step.revision();
		long[] id = new long[1];
		int from = (resume != null) ? resume.from() : 0;
		Batch probe = this.sink.batch();
		boolean afterEach = this.callbacks.has(Event.afterEach(step.direction()));
		// MariaDB/MySQL: commits ride on the implicit commits of DDL (no lease to fence,
		// whose heartbeat waits for the session's transactions to end)
		boolean mayFold = this.sink.dialect() == Dialect.MYSQL && !this.heads.fences()
				&& !this.callbacks.has(Event.beforeEach(step.direction()));
		// the row's last count goes with the version table and the commit, one round
		// trip (PostgreSQL) and one commit (MariaDB/MySQL) after the last statement as a
		// progress write alone would be
		boolean[] finishCounts = { !afterEach && probe != null && probe.commits() };
		Integer[] total = new Integer[1];
		RevisionExecution body = new RevisionExecution(step, this.sink, new RevisionExecution.ProgressRecorder() {

			@Override
			public void statementDone(int done) throws SQLException {
				if (finishCounts[0] && total[0] != null && done == total[0]) {
					return;
				}
				StepwiseStep.this.history.progress(StepwiseStep.this.sink, id[0], done);
			}

			@Override
			public boolean queue(Batch batch, int done) {
				if (!(finishCounts[0] && total[0] != null && done == total[0])) {
					StepwiseStep.this.history.queueProgress(batch, id[0], done);
				}
				return true;
			}

		}, from, true);
		total[0] = body.total();
		boolean fold = mayFold && body.canFold();
		finishCounts[0] |= fold && !afterEach;
		Row row = this.rows.row(step, started, null, null, null, from, body.total(), null);
		boolean rowPending = false;
		if (resume == null && fold) {
			// the row commits with the first statement's implicit commit, or before the
			// first statement
			this.sink.begin();
			id[0] = this.history.start(this.sink, row);
			rowPending = true;
		}
		else if (resume == null && !this.heads.fences()) {
			// nothing to check or close first: the row alone, in auto-commit
			id[0] = this.history.start(this.sink, row);
		}
		else {
			open(row, resume, started, id);
		}
		if (resume != null) {
			for (SqlStatement statement : Resume.sessionStatements(resume, this.sink.dialect())) {
				this.sink.execute(statement.sql());
			}
		}
		if (fold) {
			this.sink.begin();
			body.foldCommits(rowPending);
		}
		try {
			if (resume == null) {
				this.callbacks.run(Event.beforeEach(step.direction()), this.sink, revision);
			}
			body.run();
		}
		catch (Exception ex) {
			int completed = this.sink.inTransaction() ? completedInTransaction(body, id[0], ex) : body.done;
			// folding: with what the transaction holds, unless a failing data change
			// rolled it back
			this.rows.recordStepwiseFailure(id[0], start, completed, ex);
			if (this.sink.inTransaction()) {
				try {
					this.sink.commit();
				}
				catch (SQLException commit) {
					ex.addSuppressed(commit);
					this.sink.rollbackAfter(ex);
				}
			}
			List<String> after = headsAfter(step, current);
			String remedy = (completed == 0)
					? "No statement of it had completed, so nothing changed; the version table still says "
							+ StepRunner.heads(current) + ". Fix the script and run the command again"
					: statementsRan(completed, body.total()) + " already ran and stayed committed ("
							+ whyNotTransactional(revision) + "); the version table still says "
							+ StepRunner.heads(current) + ". Undo them by hand and run 'stamp "
							+ StepRunner.heads(current) + "', or finish the revision by hand and run 'stamp "
							+ StepRunner.heads(after) + "'. Until then, upgrade and downgrade refuse to run";
			throw StepFailures.failure(revision, body, ex, completed, completed == 0, remedy);
		}
		try {
			if (afterEach && this.sink.inTransaction()) {
				// the callbacks' failure rolls back their transaction, not the statements
				body.commitPending();
			}
			this.sink.begin();
			this.callbacks.run(Event.afterEach(step.direction()), this.sink, revision);
			Batch batch = this.sink.batch();
			if (batch != null) {
				this.heads.queue(this.sink, batch, step.removeHeads(), step.addHeads());
				this.history.queueFinish(batch, id[0], Instant.now(), StepRows.millisSince(start), true, body.done,
						null);
				batch.flushEnding(this.sink);
			}
			else {
				this.heads.apply(this.sink, step.removeHeads(), step.addHeads());
				this.history.finish(this.sink, id[0], Instant.now(), StepRows.millisSince(start), true, body.done,
						null);
			}
			this.sink.commit();
		}
		catch (SQLException | RuntimeException ex) {
			this.sink.rollbackAfter(ex);
			// folding: the rollback undid the data changes since the last commit
			this.rows.recordStepwiseFailure(id[0], start, body.settled(), ex);
			if (ex instanceof CallbackRunner.Failure callback) {
				List<String> after = headsAfter(step, current);
				throw callback.toException("The revision's statements ran and stayed committed ("
						+ whyNotTransactional(revision) + "); the version table still says " + StepRunner.heads(current)
						+ ". Fix the callback and run 'stamp " + StepRunner.heads(after)
						+ "' (or undo the revision by hand and run " + "'stamp " + StepRunner.heads(current)
						+ "'). Until then, upgrade and downgrade refuse to run");
			}
			throw ex;
		}
	}

	/**
	 * Open the step's row in a transaction of its own: the lock is checked before
	 * anything of the revision runs (its statements may commit one by one, and a run that
	 * lost the lock must not start them); closing a killed run's row and opening this one
	 * commit together (a kill leaves it as it was).
	 */
	private void open(Row row, Resume.@Nullable Decision resume, Instant started, long[] id) throws SQLException {
		this.sink.begin();
		try {
			this.heads.check(this.sink);
			if (resume != null) {
				this.history.closeInterrupted(this.sink, resume.interrupted().id(), started,
						"The process ended mid-way; the next run resumed it: " + resume.note());
			}
			id[0] = this.history.start(this.sink, row);
			this.sink.commit();
		}
		catch (SQLException | RuntimeException ex) {
			this.sink.rollbackAfter(ex);
			throw ex;
		}
	}

	/**
	 * The statements that completed and stay, when a statement failed with the folded
	 * transaction open: normally all that completed (what is open commits with the
	 * failure), but a server that rolled the transaction back at the failing statement's
	 * implicit commit (a Galera certification conflict) took the data change and progress
	 * in it along: the row's count as this transaction sees it tells.
	 */
	private int completedInTransaction(RevisionExecution body, long id, Exception ex) {
		try {
			Integer seen = this.history.done(this.sink, id);
			return (seen == null) ? body.settled() : Math.max(body.settled(), Math.min(seen, body.done));
		}
		catch (SQLException read) {
			ex.addSuppressed(read);
			return body.done;
		}
	}

	private static List<String> headsAfter(MigrationStep step, List<String> current) {
		List<String> after = new ArrayList<>(current);
		after.removeAll(step.removeHeads());
		after.addAll(step.addHeads());
		return after;
	}

	private String whyNotTransactional(Revision revision) {
		if (!revision.transactional()) {
			return "the revision is marked transactional: false";
		}
		return (this.sink.dialect() == Dialect.H2) ? "H2 commits DDL implicitly"
				: "MariaDB/MySQL commit DDL implicitly";
	}

	private static String statementsRan(int done, @Nullable Integer total) {
		String of = (total != null) ? " of " + total : "";
		return (done == 1) ? "Statement 1" + of : "Statements 1-" + done + of;
	}

}
