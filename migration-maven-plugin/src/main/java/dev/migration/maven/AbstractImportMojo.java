package dev.migration.maven;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.imports.ImportResult;

/**
 * What the import goals share: where the revisions are written, whether the database is
 * stamped, and the report of what was written.
 */
abstract class AbstractImportMojo extends AbstractMigrationMojo {

	/** Where the revisions are written. */
	@Parameter(property = "migration.import.output",
			defaultValue = "${project.basedir}/src/main/resources/db/migration")
	File importOutput;

	/** Only write the revisions, even when a database is configured. */
	@Parameter(property = "migration.import.no-stamp", defaultValue = "false")
	boolean noStamp;

	/**
	 * The database to check and stamp, {@code null} when none is configured or
	 * {@code no-stamp} is set.
	 */
	@Nullable MigrationConfig database(ClassLoader projectLoader) throws MojoFailureException {
		return (this.noStamp || settings().url() == null) ? null : migrator(projectLoader).config();
	}

	void report(ImportResult result) {
		getLog().info("Wrote " + result.written().size() + " files to " + this.importOutput
				+ ((result.stamped() != null) ? "; stamped the database at " + result.stamped() : ""));
		if (!result.repeatablesPending().isEmpty()) {
			getLog()
				.info("Repeatable scripts the next upgrade runs: " + String.join(", ", result.repeatablesPending()));
		}
		for (String note : result.notes()) {
			getLog().info("Changed on the way: " + note);
		}
	}

}
