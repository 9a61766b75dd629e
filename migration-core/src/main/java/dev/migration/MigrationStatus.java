package dev.migration;

import java.util.List;

import dev.migration.sql.Dialect;

/**
 * The whole picture in one call: what the database is at, what the scripts say, what
 * would run. Cheap enough for the endpoint and the health check to call on every request.
 *
 * @param dialect the database's dialect
 * @param currentHeads the revisions in the version table
 * @param graphHeads the heads of the revision graph
 * @param target the configured target identifier the status was computed against (e.g.
 * {@code heads})
 * @param pending revisions that an upgrade to the target would apply, in run order
 * @param revisions every revision of the graph (newest first, as {@code history} lists
 * them), followed by revisions the database knows but no script does
 * @param unknownRevisions revision ids in the version table that no script defines
 * @param changedChecksums applied revisions whose script changed since it was applied
 * @param state the database's state the status reports, with its relation to the target
 */
public record MigrationStatus(Dialect dialect, List<String> currentHeads, List<String> graphHeads, String target,
		List<String> pending, List<RevisionStatus> revisions, List<String> unknownRevisions,
		List<String> changedChecksums, DatabaseState state) {

	public MigrationStatus {
		currentHeads = List.copyOf(currentHeads);
		graphHeads = List.copyOf(graphHeads);
		pending = List.copyOf(pending);
		revisions = List.copyOf(revisions);
		unknownRevisions = List.copyOf(unknownRevisions);
		changedChecksums = List.copyOf(changedChecksums);
	}

	/**
	 * Whether the database is exactly at the target with nothing pending, nothing unknown
	 * and no drift.
	 * @return whether the database is up to date
	 */
	public boolean isUpToDate() {
		return this.pending.isEmpty() && this.unknownRevisions.isEmpty() && this.changedChecksums.isEmpty();
	}

}
