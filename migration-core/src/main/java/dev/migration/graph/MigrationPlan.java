package dev.migration.graph;

import java.util.List;

import dev.migration.HistoryEntry.Direction;

/**
 * What a command will do, computed from the graph and the current heads alone (no I/O).
 *
 * @param direction upgrade, downgrade or stamp
 * @param fromHeads the version table before
 * @param steps the steps in run order
 * @param toHeads the version table after
 */
public record MigrationPlan(Direction direction, List<String> fromHeads, List<MigrationStep> steps,
		List<String> toHeads) {

	public MigrationPlan {
		fromHeads = List.copyOf(fromHeads);
		steps = List.copyOf(steps);
		toHeads = List.copyOf(toHeads);
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
