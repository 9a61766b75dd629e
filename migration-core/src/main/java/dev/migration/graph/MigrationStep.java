package dev.migration.graph;

import java.util.List;

import dev.migration.HistoryEntry.Direction;
import dev.migration.Revision;

/**
 * One step of a plan: the revision to run (or stamp) and the version-table change that
 * goes with it, committed in the same transaction. {@code removeHeads} rows disappear and
 * {@code addHeads} rows appear. The store writes one removed and one added row as an
 * {@code UPDATE}, as Alembic does along a line; any other change as a {@code DELETE} per
 * removed row and an {@code INSERT} per added row (a merge deletes its parents' rows and
 * inserts its own; a downgrade through a merge does the reverse).
 *
 * @param revision the revision
 * @param direction upgrade, downgrade or stamp
 * @param removeHeads version rows this step removes
 * @param addHeads version rows this step adds
 */
public record MigrationStep(Revision revision, Direction direction, List<String> removeHeads, List<String> addHeads) {

	public MigrationStep {
		removeHeads = List.copyOf(removeHeads);
		addHeads = List.copyOf(addHeads);
	}

}
