package dev.migration.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One changeset of a Liquibase changelog, as the import reads it.
 *
 * @param author the author
 * @param id the id
 * @param file the file it is written in, as the changelog names it (e.g.
 * {@code changes/001-items.sql})
 * @param sql its SQL as written ({@code ${properties}} kept), statements ended the way
 * this project's splitter reads them
 * @param rollback its rollback SQL, {@code ""} for Liquibase's {@code empty} / {@code not
 * required}, {@code null} for none
 * @param runOnChange {@code runOnChange:true}
 * @param runAlways {@code runAlways:true}
 * @param transactional {@code runInTransaction}
 * @param context its context (filter), {@code null} for none
 * @param labels its labels, {@code null} for none
 * @param comment its comment
 * @param validCheckSums its {@code validCheckSum} values
 * @param checksum Liquibase's checksum (version 9) as {@code databasechangelog} records
 * it
 * @param notes what the import changes about it, for the report
 */
record LiquibaseChangeSet(String author, String id, String file, String sql, @Nullable String rollback,
		boolean runOnChange, boolean runAlways, boolean transactional, @Nullable String context,
		@Nullable String labels, @Nullable String comment, List<String> validCheckSums, String checksum,
		List<String> notes) {

	/** Liquibase's own notation: {@code file::id::author}. */
	String name() {
		return this.file + "::" + this.id + "::" + this.author;
	}

	boolean repeatable() {
		return this.runOnChange || this.runAlways;
	}

}
