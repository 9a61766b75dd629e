package dev.migration;

import java.util.List;

import dev.migration.sql.Dialect;

/**
 * The whole picture in one call: what the database is at, what the scripts say, what
 * would run. Cheap enough for the endpoint and the health check to call on every request.
 *
 * @param dialect the database's dialect
 * @param graphHeads the heads of the revision graph
 * @param target the configured target identifier the status was computed against (e.g.
 * {@code heads})
 * @param revisions every revision of the graph (newest first, as {@code history} lists
 * them), followed by revisions the database knows but no script does
 * @param state the database's state, with its relation to the target
 */
public record MigrationStatus(Dialect dialect, List<String> graphHeads, String target, List<RevisionStatus> revisions,
		DatabaseState state) {

	public MigrationStatus {
		graphHeads = List.copyOf(graphHeads);
		revisions = List.copyOf(revisions);
	}

	/**
	 * The revisions in the version table.
	 * @return the current heads
	 */
	public List<String> currentHeads() {
		return this.state.currentHeads();
	}

	/**
	 * Revisions that an upgrade to the target would apply, in run order.
	 * @return the pending revisions
	 */
	public List<String> pending() {
		return this.state.pending();
	}

	/**
	 * Revision ids in the version table that no script defines.
	 * @return the unknown revisions
	 */
	public List<String> unknownRevisions() {
		return this.state.unknownHeads();
	}

	/**
	 * Applied revisions whose script changed since it was applied.
	 * @return their ids
	 */
	public List<String> changedChecksums() {
		return this.state.changedRevisions();
	}

	/**
	 * Whether the database is exactly at the target with nothing pending, nothing unknown
	 * and no changed script.
	 * @return whether the database is up to date
	 */
	public boolean isUpToDate() {
		return pending().isEmpty() && unknownRevisions().isEmpty() && changedChecksums().isEmpty();
	}

}
