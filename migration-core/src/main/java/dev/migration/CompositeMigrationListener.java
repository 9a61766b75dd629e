package dev.migration;

import java.util.List;

import dev.migration.graph.MigrationPlan;
import dev.migration.sql.Dialect;

/** Tells several listeners, in order; see {@link MigrationListener#of(List)}. */
record CompositeMigrationListener(List<MigrationListener> listeners) implements MigrationListener {

	@Override
	public void stepCompleted(HistoryEntry.Direction direction, MigrationResult.Step step) {
		this.listeners.forEach((listener) -> listener.stepCompleted(direction, step));
	}

	@Override
	public void beforeRun(String command) {
		this.listeners.forEach((listener) -> listener.beforeRun(command));
	}

	@Override
	public void planned(String command, MigrationPlan plan, Dialect dialect) {
		this.listeners.forEach((listener) -> listener.planned(command, plan, dialect));
	}

	@Override
	public void beforeRevision(HistoryEntry.Direction direction, Revision revision) {
		this.listeners.forEach((listener) -> listener.beforeRevision(direction, revision));
	}

	@Override
	public void afterRun(String command, MigrationResult result) {
		this.listeners.forEach((listener) -> listener.afterRun(command, result));
	}

	@Override
	public void runFailed(String command, RuntimeException failure) {
		this.listeners.forEach((listener) -> listener.runFailed(command, failure));
	}

	@Override
	public void validated(ValidationReport report) {
		this.listeners.forEach((listener) -> listener.validated(report));
	}

}
