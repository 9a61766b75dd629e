package dev.migration.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.imports.FlywayImport;
import dev.migration.imports.ImportResult;

/**
 * {@code mvn migration:import-flyway}: Flyway's scripts become revisions in
 * {@code src/main/resources/db/migration}; with a database configured, its
 * {@code flyway_schema_history} is checked and the database stamped.
 */
@Mojo(name = "import-flyway", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ImportFlywayMojo extends AbstractImportMojo {

	/** The directory of the Flyway scripts. */
	@Parameter(property = "migration.flyway.location", defaultValue = "${project.basedir}/src/main/resources/db/flyway")
	File flywayLocation;

	/** Flyway's history table. */
	@Parameter(property = "migration.flyway.table", defaultValue = FlywayImport.DEFAULT_TABLE)
	String flywayTable;

	@Override
	ImportResult importInto(Path output, @Nullable MigrationConfig database) {
		return FlywayImport.read(List.of(this.flywayLocation.toPath())).importInto(output, database, this.flywayTable);
	}

}
