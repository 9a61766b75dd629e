package dev.migration;

/**
 * What an upgrade does when the database is ahead of the build: its version table holds
 * revisions no script of this build defines, but the history shows that they descend from
 * revisions this build knows (a newer build migrated the database, as in a rolling
 * deploy). Unknown revisions that do not descend from known ones are always an error.
 */
public enum OnNewerDatabase {

	/** Log a warning and change nothing: the older build runs on the newer schema. */
	WARN,

	/** Refuse, naming the newer revisions. */
	FAIL

}
