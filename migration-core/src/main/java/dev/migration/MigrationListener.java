package dev.migration;

import java.util.List;

import dev.migration.graph.MigrationPlan;
import dev.migration.sql.Dialect;

/**
 * Told what a run does: before and after it, around each revision, when it fails, and
 * when the scripts are validated against the database. The CLI prints one line per
 * revision with it; the Spring starter registers every bean of this type. Called on the
 * migrating thread; keep it quick. An exception thrown here fails the run (before a
 * revision: the revision does not run).
 */
@FunctionalInterface
public interface MigrationListener {

	/** A listener that does nothing. */
	MigrationListener NONE = (direction, step) -> {
	};

	/**
	 * One revision was applied or reverted (in a run with one transaction for everything,
	 * the step is not committed yet).
	 * @param direction upgrade or downgrade
	 * @param step the revision and how long it took
	 */
	void stepCompleted(HistoryEntry.Direction direction, MigrationResult.Step step);

	/**
	 * A run starts ({@code upgrade}, {@code downgrade} or {@code stamp}), before it
	 * connects.
	 * @param command the command
	 */
	default void beforeRun(String command) {
	}

	/**
	 * The run's plan is known: the lock is held, the database state was read, and no
	 * revision of the plan has run yet. Not called when there is nothing to do. An
	 * exception thrown here fails the run before its first revision.
	 * @param command the command ({@code upgrade}, {@code downgrade} or {@code stamp})
	 * @param plan the revisions about to run, in order
	 * @param dialect the database's dialect
	 */
	default void planned(String command, MigrationPlan plan, Dialect dialect) {
	}

	/**
	 * A revision is about to be applied or reverted.
	 * @param direction upgrade or downgrade
	 * @param revision the revision
	 */
	default void beforeRevision(HistoryEntry.Direction direction, Revision revision) {
	}

	/**
	 * A run ended without error (also when there was nothing to do).
	 * @param command the command
	 * @param result what ran
	 */
	default void afterRun(String command, MigrationResult result) {
	}

	/**
	 * A run failed; the exception is thrown to the caller after this.
	 * @param command the command
	 * @param failure why
	 */
	default void runFailed(String command, RuntimeException failure) {
	}

	/**
	 * The scripts were validated against the database ({@code validate}, or startup with
	 * {@code on-startup=validate}).
	 * @param report what was found
	 */
	default void validated(ValidationReport report) {
	}

	/**
	 * One listener that tells each of the given ones in order.
	 * @param listeners the listeners
	 * @return the listener
	 */
	static MigrationListener of(List<? extends MigrationListener> listeners) {
		List<MigrationListener> all = List.copyOf(listeners);
		if (all.isEmpty()) {
			return NONE;
		}
		if (all.size() == 1) {
			return all.get(0);
		}
		return new CompositeMigrationListener(all);
	}

}
