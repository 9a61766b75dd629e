package dev.migration.imports;

import java.nio.file.Path;

/**
 * One file of a Liquibase changelog while it is read, the part its readers
 * ({@link FormattedSqlChangelog}, {@link XmlChangelog}, {@link YamlChangelog}) share.
 */
abstract class ChangelogFile {

	/** The changelog the file adds its changesets, properties and problems to. */
	final LiquibaseChangelog changelog;

	final Path file;

	/** The file as the changelog names it (e.g. {@code changes/001-items.sql}). */
	final String name;

	ChangelogFile(LiquibaseChangelog changelog, Path file, String name) {
		this.changelog = changelog;
		this.file = file;
		this.name = name;
	}

}
