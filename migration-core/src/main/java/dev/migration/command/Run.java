package dev.migration.command;

import java.util.List;
import java.util.function.Function;

import dev.migration.DatabaseState;
import dev.migration.HistoryEntry.Direction;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.RevisionGraph;

/**
 * One command's run: its name for messages, how it plans from the version table read
 * under the lock, and which states of the database it refuses to start from.
 *
 * @param name the command, for messages
 * @param planner the plan from the current heads
 * @param stamp whether the run only moves the version table (a stamp is how a
 * half-applied revision is resolved, so it does not refuse one, and it always takes the
 * lock)
 * @param purge whether the current rows are ignored (and deleted)
 * @param checksums whether drifted scripts refuse the run
 * @param adopts whether a schema without a version table is checked for objects
 * ({@link Baseline})
 */
record Run(String name, Function<List<String>, MigrationPlan> planner, boolean stamp, boolean purge, boolean checksums,
		boolean adopts) {

	static Run upgrade(String name, Function<List<String>, MigrationPlan> planner) {
		return new Run(name, planner, false, false, true, true);
	}

	/** Upgrades leave a database ahead of the build alone; other runs refuse it. */
	boolean upgrades() {
		return this.checksums;
	}

	void refuseFrom(DatabaseState state) {
		refuseFrom(state, false);
	}

	/**
	 * @param resuming whether a half-applied revision is left to the resumption
	 */
	void refuseFrom(DatabaseState state, boolean resuming) {
		if (!this.stamp && !resuming) {
			state.requireNoPartialRun();
		}
		if (!this.purge) {
			state.requireConsistentHeads();
			if (!upgrades()) {
				state.requireNotNewer(
						"'" + this.name + "' needs the scripts of those revisions: run it with the " + "newer build");
			}
		}
		if (this.checksums) {
			state.requireNoDrift();
		}
	}

	/**
	 * The command's plan; an upgrade also runs the repeatable scripts that changed since
	 * they last ran.
	 */
	MigrationPlan plan(RevisionGraph graph, List<String> heads, HistoryStore.Summary history) {
		MigrationPlan plan = this.planner.apply(heads);
		if (!this.checksums || plan.direction() != Direction.UPGRADE) {
			return plan;
		}
		return graph.withRepeatables(plan, DatabaseStateReader.due(history));
	}

}
