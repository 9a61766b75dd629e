package dev.migration;

import java.time.Duration;
import java.util.List;

/**
 * What a run did.
 *
 * @param direction upgrade, downgrade or stamp
 * @param fromHeads version table before the run
 * @param toHeads version table after the run
 * @param steps the revisions run, in order, with their durations
 * @param duration the whole run, lock wait included
 * @param newerHeads when an upgrade did nothing because the database is ahead of this
 * build, the version table's revisions a newer build applied; otherwise empty
 */
public record MigrationResult(HistoryEntry.Direction direction, List<String> fromHeads, List<String> toHeads,
		List<Step> steps, Duration duration, List<String> newerHeads) {

	public MigrationResult {
		fromHeads = List.copyOf(fromHeads);
		toHeads = List.copyOf(toHeads);
		steps = List.copyOf(steps);
		newerHeads = List.copyOf(newerHeads);
	}

	public MigrationResult(HistoryEntry.Direction direction, List<String> fromHeads, List<String> toHeads,
			List<Step> steps, Duration duration) {
		this(direction, fromHeads, toHeads, steps, duration, List.of());
	}

	/**
	 * One revision applied or reverted.
	 *
	 * @param revision the revision id
	 * @param message its message
	 * @param duration how long it took
	 */
	public record Step(String revision, String message, Duration duration) {
	}

}
