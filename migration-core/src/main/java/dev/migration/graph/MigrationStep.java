package dev.migration.graph;

import java.util.List;

import dev.migration.HistoryEntry.Direction;
import dev.migration.Revision;

/**
 * One step of a plan: the revision to run (or stamp) and the version-table change that
 * goes with it, committed in the same transaction. {@code removeHeads} rows disappear and
 * {@code addHeads} rows appear; one removed and one added is an UPDATE, as Alembic does.
 * In general, when both lists are non-empty the last removed row is UPDATEd to the last
 * added row, the other removed rows are DELETEd (a merge) and the other added rows
 * INSERTed (a downgrade through a merge); when one list is empty its rows are plain
 * INSERTs (a root or a new branch) or DELETEs (a closed branch).
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
