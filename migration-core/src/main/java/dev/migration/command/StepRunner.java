package dev.migration.command;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.DowngradeNotSupportedException;
import dev.migration.HistoryEntry.Direction;
import dev.migration.Migration;
import dev.migration.MigrationFailedException;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.Revision;
import dev.migration.VersionTableException;
import dev.migration.command.HistoryStore.Row;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.MigrationStep;
import dev.migration.script.SqlCallbacks.Event;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * Runs (or, through a script sink, renders) a plan step by step. A step whose statements
 * can share a transaction with its version-table change and history row does so; a step
 * that cannot (MySQL DDL, {@code transactional: false}) records its progress after every
 * statement, so a failure or a kill leaves a row saying how far it got.
 */
final class StepRunner {

	private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

	private final SqlSink sink;

	private final HeadTracker heads;

	private final HistoryStore history;

	private final @Nullable String user;

	private final boolean transactionPerMigration;

	private final MigrationListener listener;

	private final CallbackRunner callbacks;

	private final List<String> current = new ArrayList<>();

	/** The version table as of the open transaction's start, for messages. */
	private List<String> committedHeads = List.of();

	StepRunner(SqlSink sink, HeadTracker heads, HistoryStore history, @Nullable String user,
			boolean transactionPerMigration, MigrationListener listener, CallbackRunner callbacks) {
		this.sink = sink;
		this.callbacks = callbacks;
		this.heads = heads;
		this.history = history;
		this.user = user;
		this.transactionPerMigration = transactionPerMigration;
		this.listener = listener;
	}

	/**
	 * Run a plan.
	 * @param plan the plan
	 * @param purge delete the version table's rows first
	 * @param halfApplied the history row of a half-applied revision, which an empty stamp
	 * plan records as resolved; {@code null} when there is none
	 * @return the steps that ran
	 * @throws SQLException from the database
	 */
	List<MigrationResult.Step> run(MigrationPlan plan, boolean purge, @Nullable Row halfApplied) throws SQLException {
		return run(plan, purge, halfApplied, null);
	}

	/**
	 * Finish the step a killed run left half done, then run the plan (made from the
	 * version table as the finished step leaves it).
	 * @param resume how to finish the interrupted step, {@code null} when there is none
	 */
	List<MigrationResult.Step> run(MigrationPlan plan, boolean purge, @Nullable Row halfApplied,
			Resume.@Nullable Decision resume) throws SQLException {
		checkSteps(plan);
		this.callbacks.check(this.sink);
		if (purge) {
			// same transaction as the first stamp step, or committed at the end of the
			// run
			this.sink.begin();
			this.heads.purge(this.sink);
		}
		List<MigrationResult.Step> done = new ArrayList<>();
		this.current.clear();
		if (resume != null) {
			this.current.addAll(resume.heads());
			this.committedHeads = List.copyOf(resume.heads());
			done.add(runStep(resume.step(), resume));
		}
		this.current.clear();
		this.current.addAll(plan.fromHeads());
		this.committedHeads = List.copyOf(plan.fromHeads());
		for (MigrationStep step : plan.steps()) {
			done.add(runStep(step, null));
		}
		if (halfApplied != null && plan.direction() == Direction.STAMP && plan.isEmpty()) {
			// the stamp is the user's resolution even when the table already says so
			this.history.recordResolution(this.sink, halfApplied, this.user);
		}
		this.sink.commit();
		return done;
	}

	/**
	 * Fail before anything runs: a downgrade through a revision without one, or a script
	 * that does not split.
	 */
	private void checkSteps(MigrationPlan plan) {
		for (MigrationStep step : plan.steps()) {
			if (step.direction() != Direction.STAMP && (step.direction() == Direction.UPGRADE
					|| (step.revision().migration() != null && step.revision().migration().hasDowngrade()))) {
				RevisionExecution.statements(step.revision(), step.direction(), this.sink.dialect());
			}
			if (step.direction() == Direction.DOWNGRADE) {
				Migration migration = step.revision().migration();
				if (migration == null || !migration.hasDowngrade()) {
					throw new DowngradeNotSupportedException(step.revision().id(), step.revision().location());
				}
			}
		}
	}

	private boolean isTransactional(MigrationStep step) {
		return step.direction() == Direction.STAMP
				|| (this.sink.dialect().supportsTransactionalDdl() && step.revision().transactional());
	}

	private MigrationResult.Step runStep(MigrationStep step, Resume.@Nullable Decision resume) throws SQLException {
		Revision revision = step.revision();
		Instant started = Instant.now();
		long start = System.nanoTime();
		if (resume != null) {
			log.info("{}: resuming {} at statement {}", revision.id(), revision.location(), resume.from() + 1);
		}
		else if (step.direction() == Direction.STAMP) {
			log.info("{}: stamping (version table {} -> {})", revision.id(), step.removeHeads(), step.addHeads());
		}
		else {
			log.info("{}: {} {}", revision.id(), (step.direction() == Direction.UPGRADE) ? "applying" : "reverting",
					revision.location());
		}
		if (step.direction() != Direction.STAMP) {
			this.listener.beforeRevision(step.direction(), revision);
		}
		this.sink.comment(describe(step));
		if (resume == null && (isTransactional(step) || this.sink.isOffline())) {
			runInTransaction(step, started, start);
		}
		else {
			runStepwise(step, started, start, resume);
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		this.current.removeAll(step.removeHeads());
		this.current.addAll(step.addHeads());
		if (!this.sink.inTransaction()) {
			this.committedHeads = List.copyOf(this.current);
		}
		if (step.direction() != Direction.STAMP) {
			log.info("{}: {} in {} ms", revision.id(), (step.direction() == Direction.UPGRADE) ? "applied" : "reverted",
					duration.toMillis());
		}
		MigrationResult.Step done = new MigrationResult.Step(revision.id(), revision.message(), duration);
		if (step.direction() != Direction.STAMP) {
			this.listener.stepCompleted(step.direction(), done);
		}
		return done;
	}

	private static String describe(MigrationStep step) {
		Revision revision = step.revision();
		String verb = switch (step.direction()) {
			case UPGRADE -> "Upgrade";
			case DOWNGRADE -> "Downgrade";
			case STAMP -> "Stamp";
			case REPAIR -> "Repair";
		};
		return verb + " " + revision.id() + ((revision.message().isEmpty()) ? "" : ": " + revision.message()) + " ("
				+ revision.location() + "); version table " + step.removeHeads() + " -> " + step.addHeads();
	}

	private void runInTransaction(MigrationStep step, Instant started, long start) throws SQLException {
		boolean transactional = isTransactional(step);
		if (transactional) {
			this.sink.begin();
		}
		else {
			this.sink.commit();
		}
		RevisionExecution body = new RevisionExecution(step.revision(), step.direction(), this.sink, (done) -> {
		});
		// one round trip for the statements, the version-table change and the history
		// row: the row's times are then the server's, from the transaction's start
		Batch batch = (transactional && this.transactionPerMigration && step.direction() != Direction.STAMP
				&& body.isBatchable() && !this.callbacks.has(Event.beforeEach(step.direction()))
				&& !this.callbacks.has(Event.afterEach(step.direction()))) ? this.sink.batch() : null;
		try {
			if (batch != null) {
				body.queue(batch);
				this.heads.queue(this.sink, batch, step.removeHeads(), step.addHeads());
				this.history.queue(batch, row(step, started, null, null, true, body.done, body.total(), null));
				if (batch.commits()) {
					// the whole revision in one round trip: its statements, the version
					// table, the history row and the commit
					batch.flushAndCommit();
					this.sink.committedByBatch();
				}
				else {
					batch.flush();
				}
			}
			else {
				if (step.direction() != Direction.STAMP) {
					this.callbacks.run(Event.beforeEach(step.direction()), this.sink, step.revision());
					body.run();
					this.callbacks.run(Event.afterEach(step.direction()), this.sink, step.revision());
				}
				this.heads.apply(this.sink, step.removeHeads(), step.addHeads());
				// offline, the time of rendering says nothing about the run
				Long duration = this.sink.isOffline() ? null : millisSince(start);
				this.history.record(this.sink,
						row(step, started, Instant.now(), duration, true, body.done, body.total(), null));
			}
			if (this.transactionPerMigration) {
				this.sink.commit();
			}
		}
		catch (Exception ex) {
			if (this.sink.isOffline()) {
				throw StepFailures.offline(step.revision(), ex);
			}
			SQLException rollbackFailure = this.sink.rollback();
			if (rollbackFailure != null) {
				ex.addSuppressed(rollbackFailure);
			}
			List<String> versionTable = this.committedHeads;
			this.current.clear();
			this.current.addAll(versionTable);
			recordFailure(row(step, started, Instant.now(), millisSince(start), false, 0, body.total(),
					StepFailures.message(ex)));
			if (ex instanceof VersionTableException versionTable1) {
				throw versionTable1;
			}
			String remedy = this.transactionPerMigration
					? "The revision was rolled back; the version table still says " + heads(versionTable)
							+ " and earlier revisions stay applied. Fix the script and run the command again"
					: "The whole run was rolled back (migration.transaction-per-migration=false); the version table "
							+ "still says " + heads(versionTable) + ". Fix the script and run the command again";
			throw StepFailures.failure(step.revision(), body, ex, 0, true, remedy);
		}
	}

	private void runStepwise(MigrationStep step, Instant started, long start, Resume.@Nullable Decision resume)
			throws SQLException {
		this.sink.commit();
		Revision revision = step.revision();
		long[] id = new long[1];
		int from = (resume != null) ? resume.from() : 0;
		RevisionExecution body = new RevisionExecution(revision, step.direction(), this.sink,
				new RevisionExecution.ProgressRecorder() {

					@Override
					public void statementDone(int done) throws SQLException {
						StepRunner.this.history.progress(StepRunner.this.sink, id[0], done);
					}

					@Override
					public boolean queue(Batch batch, int done) {
						StepRunner.this.history.queueProgress(batch, id[0], done);
						return true;
					}

				}, from, true);
		Row row = row(step, started, null, null, null, from, body.total(), null);
		// the lock is checked before anything of the revision runs: its statements may
		// commit one by one, and a run that lost the lock must not start them; closing a
		// killed run's row and opening this one commit together (a kill leaves it as it
		// was)
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
			SQLException rollbackFailure = this.sink.rollback();
			if (rollbackFailure != null) {
				ex.addSuppressed(rollbackFailure);
			}
			throw ex;
		}
		if (resume != null) {
			for (SqlStatement statement : Resume.sessionStatements(resume, this.sink.dialect())) {
				this.sink.execute(statement.sql());
			}
		}
		try {
			if (resume == null) {
				this.callbacks.run(Event.beforeEach(step.direction()), this.sink, revision);
			}
			body.run();
		}
		catch (Exception ex) {
			recordStepwiseFailure(id[0], start, body.done, ex);
			List<String> after = new ArrayList<>(this.current);
			after.removeAll(step.removeHeads());
			after.addAll(step.addHeads());
			String remedy = (body.done == 0)
					? "No statement of it had completed, so nothing changed; the version table still says "
							+ heads(this.current) + ". Fix the script and run the command again"
					: statementsRan(body.done, body.total()) + " already ran and stayed committed ("
							+ whyNotTransactional(revision) + "); the version table still says " + heads(this.current)
							+ ". Undo them by hand and run 'stamp " + heads(this.current)
							+ "', or finish the revision by hand and run 'stamp " + heads(after)
							+ "'. Until then, upgrade and downgrade refuse to run";
			throw StepFailures.failure(revision, body, ex, body.done, body.done == 0, remedy);
		}
		try {
			this.sink.begin();
			this.callbacks.run(Event.afterEach(step.direction()), this.sink, revision);
			Batch batch = this.sink.batch();
			if (batch != null) {
				this.heads.queue(this.sink, batch, step.removeHeads(), step.addHeads());
				this.history.queueFinish(batch, id[0], Instant.now(), millisSince(start), true, body.done, null);
				batch.flush();
			}
			else {
				this.heads.apply(this.sink, step.removeHeads(), step.addHeads());
				this.history.finish(this.sink, id[0], Instant.now(), millisSince(start), true, body.done, null);
			}
			this.sink.commit();
		}
		catch (SQLException | RuntimeException ex) {
			SQLException rollbackFailure = this.sink.rollback();
			if (rollbackFailure != null) {
				ex.addSuppressed(rollbackFailure);
			}
			recordStepwiseFailure(id[0], start, body.done, ex);
			if (ex instanceof CallbackRunner.Failure callback) {
				List<String> after = new ArrayList<>(this.current);
				after.removeAll(step.removeHeads());
				after.addAll(step.addHeads());
				throw callback.toException("The revision's statements ran and stayed committed ("
						+ whyNotTransactional(revision) + "); the version table still says " + heads(this.current)
						+ ". Fix the callback and run 'stamp " + heads(after)
						+ "' (or undo the revision by hand and run " + "'stamp " + heads(this.current)
						+ "'). Until then, upgrade and downgrade refuse to run");
			}
			throw ex;
		}
	}

	private void recordStepwiseFailure(long id, long start, int done, Exception ex) {
		try {
			this.history.finish(this.sink, id, Instant.now(), millisSince(start), false, done,
					StepFailures.message(ex));
		}
		catch (SQLException | RuntimeException recording) {
			ex.addSuppressed(recording);
			log.error("Could not record the failure in the history table: {}", recording.getMessage());
		}
	}

	private void recordFailure(Row row) {
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

	static String heads(List<String> heads) {
		return heads.isEmpty() ? "base" : String.join(" ", heads);
	}

	private Row row(MigrationStep step, Instant started, @Nullable Instant finished, @Nullable Long durationMs,
			@Nullable Boolean success, int done, @Nullable Integer total, @Nullable String error) {
		Revision revision = step.revision();
		// a stamped repeatable script counts as run at its checksum
		String checksum = (step.direction() == Direction.STAMP && !revision.repeatable()) ? null : revision.checksum();
		return new Row(0, revision.id(), step.direction(), revision.location(), checksum, started, finished, durationMs,
				this.user, success, done, total, error, revision.revises());
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
