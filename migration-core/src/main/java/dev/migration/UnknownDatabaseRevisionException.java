package dev.migration;

import java.util.List;

/**
 * The version table holds revisions that no script defines: the database was migrated by
 * newer scripts, or scripts were deleted.
 */
public class UnknownDatabaseRevisionException extends MigrationException {

	private final List<String> revisions;

	public UnknownDatabaseRevisionException(String table, List<String> revisions) {
		super("The version table " + table + " holds " + ((revisions.size() == 1) ? "revision " : "revisions ")
				+ String.join(", ", revisions.stream().map((id) -> id.isBlank() ? "'" + id + "' (blank)" : id).toList())
				+ " that no script defines: the database is ahead of these scripts "
				+ "or scripts were deleted. Deploy the scripts that define " + ((revisions.size() == 1) ? "it" : "them")
				+ ", or, if they are gone for good, 'stamp' the revision the schema really is at");
		this.revisions = List.copyOf(revisions);
	}

	public List<String> getRevisions() {
		return this.revisions;
	}

}
