package dev.migration;

/**
 * Told about each revision as soon as it has run, so that a long run can report progress
 * (the CLI prints one line per revision). Called on the migrating thread; keep it quick.
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

}
