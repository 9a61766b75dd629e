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
 * statement ({@link StepwiseStep}), so a failure or a kill leaves a row saying how far it
 * got.
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

	private final StepRows rows;

	private final StepwiseStep stepwise;

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
		this.rows = new StepRows(sink, history, user);
		this.stepwise = new StepwiseStep(sink, heads, history, callbacks, this.rows);
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
			this.stepwise.run(step, started, start, resume, this.current);
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
		RevisionExecution body = new RevisionExecution(step, this.sink, (done) -> {
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
				this.history.queue(batch,
						this.rows.row(step, started, null, null, true, body.done, body.total(), null));
				// PostgreSQL: the whole revision in one round trip, its statements, the
				// version table, the history row and the commit
				batch.flushEnding(this.sink);
			}
			else {
				if (step.direction() != Direction.STAMP) {
					this.callbacks.run(Event.beforeEach(step.direction()), this.sink, step.revision());
					body.run();
					this.callbacks.run(Event.afterEach(step.direction()), this.sink, step.revision());
				}
				this.heads.apply(this.sink, step.removeHeads(), step.addHeads());
				// offline, the time of rendering says nothing about the run
				Long duration = this.sink.isOffline() ? null : StepRows.millisSince(start);
				this.history.record(this.sink,
						this.rows.row(step, started, Instant.now(), duration, true, body.done, body.total(), null));
			}
			if (this.transactionPerMigration) {
				this.sink.commit();
			}
		}
		catch (Exception ex) {
			if (this.sink.isOffline()) {
				throw StepFailures.offline(step.revision(), ex);
			}
			this.sink.rollbackAfter(ex);
			List<String> versionTable = this.committedHeads;
			this.current.clear();
			this.current.addAll(versionTable);
			this.rows.recordFailure(this.rows.row(step, started, Instant.now(), StepRows.millisSince(start), false, 0,
					body.total(), StepFailures.message(ex)));
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

	static String heads(List<String> heads) {
		return heads.isEmpty() ? "base" : String.join(" ", heads);
	}

}
