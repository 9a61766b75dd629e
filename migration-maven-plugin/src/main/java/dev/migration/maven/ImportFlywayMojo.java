package dev.migration.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.MigrationConfig;
import dev.migration.imports.FlywayImport;
import dev.migration.imports.ImportResult;

/**
 * {@code mvn migration:import-flyway}: Flyway's scripts become revisions in
 * {@code src/main/resources/db/migration}; with a database configured, its
 * {@code flyway_schema_history} is checked and the database stamped.
 */
@Mojo(name = "import-flyway", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ImportFlywayMojo extends AbstractMigrationMojo {

	/** The directory of the Flyway scripts. */
	@Parameter(property = "migration.flyway.location", defaultValue = "${project.basedir}/src/main/resources/db/flyway")
	File flywayLocation;

	/** Where the revisions are written. */
	@Parameter(property = "migration.import.output",
			defaultValue = "${project.basedir}/src/main/resources/db/migration")
	File importOutput;

	/** Flyway's history table. */
	@Parameter(property = "migration.flyway.table", defaultValue = FlywayImport.DEFAULT_TABLE)
	String flywayTable;

	/** Only write the revisions, even when a database is configured. */
	@Parameter(property = "migration.import.no-stamp", defaultValue = "false")
	boolean noStamp;

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		MigrationConfig database = (this.noStamp || settings().url() == null) ? null : migrator(projectLoader).config();
		ImportResult result = FlywayImport.read(List.of(this.flywayLocation.toPath()))
			.importInto(this.importOutput.toPath(), database, this.flywayTable);
		getLog().info("Wrote " + result.written().size() + " files to " + this.importOutput
				+ ((result.stamped() != null) ? "; stamped the database at " + result.stamped() : ""));
		if (!result.repeatablesPending().isEmpty()) {
			getLog()
				.info("Repeatable scripts the next upgrade runs: " + String.join(", ", result.repeatablesPending()));
		}
	}

}
