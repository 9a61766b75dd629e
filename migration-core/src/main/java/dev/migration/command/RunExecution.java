package dev.migration.command;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.DatabaseState;
import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.RevisionGraph;
import dev.migration.script.SqlCallbacks.Event;

/**
 * One command's {@link Run} against the database: the lock-free check that there is
 * nothing to do, then, under the lock, the baseline, the tool's tables, the state judged
 * from what is read under the lock, the resumption of a step a killed run left half done,
 * the run-level callbacks and the steps.
 *
 * @param run the command's run
 * @param config the configuration
 * @param graph the revision graph
 * @param callbacks the SQL callbacks, fresh for the run
 */
record RunExecution(Run run, MigrationConfig config, RevisionGraph graph, CallbackRunner callbacks) {

	/** Reported under the migrator's name, where users look for it. */
	private static final Logger log = LoggerFactory.getLogger(Migrator.class);

	/**
	 * Run it in a session of its own.
	 * @return what ran
	 */
	MigrationResult execute() {
		return execute(Session.open(this.config));
	}

	/**
	 * Run it in a session opened for it.
	 * @param opened the session, closed when the run ends
	 * @return what ran
	 */
	MigrationResult execute(Session opened) {
		long start = System.nanoTime();
		try (Session session = opened) {
			// run-level callbacks run on every run, as Flyway's afterMigrate does, so a
			// run with any cannot end on the lock-free check
			boolean everyRun = this.callbacks.has(Event.before(this.run.name()))
					|| this.callbacks.has(Event.after(this.run.name()))
					|| this.callbacks.has(Event.error(this.run.name()));
			MigrationResult upToDate = (this.run.stamp() || everyRun) ? null
					: UpToDate.check(this.run, this.graph, session, this.config, start);
			if (upToDate != null) {
				return upToDate;
			}
			return UnderLock.run(session, this.config, () -> runLocked(session, start));
		}
		catch (SQLException ex) {
			throw Session.databaseError(this.run.name(), ex);
		}
	}

	/** The run once the lock is held, decided on what is read under it. */
	private MigrationResult runLocked(Session session, long start) throws SQLException {
		StepRunner runner = new StepRunner(session.sink, session.heads, session.history, session.user(),
				this.config.transactionPerMigration(), this.config.listener(), this.callbacks);
		List<MigrationResult.Step> baselined = this.run.adopts()
				? Baseline.apply(session, this.graph, this.config, runner) : List.of();
		List<MigrationResult.Step> steps = new ArrayList<>(baselined);
		// tables created just now hold no rows: nothing to read
		boolean created = session.tables.ensure(session.sink);
		List<String> heads = created ? List.of() : session.tables.readHeads(session.connection);
		HistoryStore.Summary history = created ? HistoryStore.Summary.EMPTY
				: session.history.summary(session.connection);
		DatabaseState state = DatabaseStateReader.judge(this.graph, session.tables.version(), this.config, heads,
				history, null);
		boolean resuming = !this.run.stamp() && state.partialRun() != null && history.last() != null;
		this.run.refuseFrom(state, resuming);
		if (this.run.upgrades() && !state.newerHeads().isEmpty()) {
			return UpToDate.newer(state, this.config, start);
		}
		Resume.Decision resume = resuming ? Resume.decide(session, this.graph, state.partialRun(), history.last(),
				heads, this.config.lockTimeout()) : null;
		if (resuming && resume == null) {
			state.requireNoPartialRun();
		}
		MigrationPlan plan = this.run.plan(this.graph, (resume != null) ? resume.headsAfter() : heads, history);
		if (!plan.isEmpty()) {
			this.config.listener().planned(this.run.name(), plan, session.dialect);
		}
		this.callbacks.check(session.sink);
		this.callbacks.runAlone(Event.before(this.run.name()), Event.error(this.run.name()), session.sink,
				() -> "Nothing of the run was applied; the version table still says " + StepRunner.heads(heads)
						+ ". Fix the callback and run the command again");
		try {
			steps.addAll(
					runner.run(plan, this.run.purge(), (state.partialRun() != null) ? history.last() : null, resume));
		}
		catch (RuntimeException ex) {
			this.callbacks.runAfterFailure(Event.error(this.run.name()), session.sink, ex);
			throw ex;
		}
		if (plan.isEmpty()) {
			log.debug("Nothing to do: the database is at {}", StepRunner.heads(heads));
		}
		this.callbacks.runAlone(Event.after(this.run.name()), null, session.sink,
				() -> "The run's revisions stayed applied (" + steps.size() + " step(s); the version table says "
						+ StepRunner.heads(plan.toHeads()) + "). Fix the callback and run the command "
						+ "again: it runs " + Event.after(this.run.name()).fileName()
						+ " again even with nothing to apply");
		return new MigrationResult(plan.direction(), baselined.isEmpty() ? heads : List.of(), plan.toHeads(), steps,
				Duration.ofNanos(System.nanoTime() - start));
	}

}
