package dev.migration;

import java.util.List;

/**
 * The database is ahead of the build: a newer build applied revisions this build has no
 * script for, on top of revisions it knows. Thrown by an upgrade with
 * {@link OnNewerDatabase#FAIL}, and by commands that would have to revert or rewrite
 * those revisions (downgrade, stamp).
 */
public class NewerDatabaseException extends MigrationException {

	/** The remedy when an upgrade or a startup check refuses a newer database. */
	public static final String UPGRADE_REMEDY = "Deploy the newer build, or set migration.on-newer-database=warn to "
			+ "let this build run on the newer schema";

	private final List<String> revisions;

	private final List<String> knownBase;

	/**
	 * Create the exception.
	 * @param table the version table
	 * @param revisions the version table's revisions no script of this build defines
	 * @param knownBase the revisions of this build they descend from
	 * @param remedy what to do, one sentence
	 */
	public NewerDatabaseException(String table, List<String> revisions, List<String> knownBase, String remedy) {
		super("The database is ahead of this build: the version table " + table + " holds "
				+ String.join(", ", revisions) + ", which no script of this build defines, applied by a newer build on "
				+ "top of " + String.join(", ", knownBase) + " (from the parents the history table recorded). "
				+ remedy);
		this.revisions = List.copyOf(revisions);
		this.knownBase = List.copyOf(knownBase);
	}

	/** The version table's revisions that no script of this build defines. */
	public List<String> getRevisions() {
		return this.revisions;
	}

	/** The revisions of this build that they descend from. */
	public List<String> getKnownBase() {
		return this.knownBase;
	}

}
