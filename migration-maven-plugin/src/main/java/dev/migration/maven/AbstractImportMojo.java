package dev.migration.maven;

import java.io.File;
import java.nio.file.Path;

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
	 * Import into {@code importOutput}, checking and stamping the configured database
	 * unless {@code no-stamp} is set, and log what was written.
	 */
	@Override
	final void run(ClassLoader projectLoader) throws MojoFailureException {
		MigrationConfig database = (this.noStamp || settings().url() == null) ? null : migrator(projectLoader).config();
		report(importInto(this.importOutput.toPath(), database));
	}

	/**
	 * Write the revisions and, with a database, check the tool's history and stamp it.
	 * @param output where the revisions are written
	 * @param database the database to check and stamp, or {@code null}
	 * @return what was written and stamped
	 */
	abstract ImportResult importInto(Path output, @Nullable MigrationConfig database);

	private void report(ImportResult result) {
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
