package dev.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migration.MigrationConfig;
import dev.migration.imports.FlywayImport;
import dev.migration.imports.ImportResult;

/**
 * {@code migration import flyway <location...>}: Flyway's scripts become one revision
 * chain; with a database, its {@code flyway_schema_history} is checked and the database
 * stamped.
 */
@Command(name = "flyway", mixinStandardHelpOptions = true,
		description = "Import Flyway scripts (V, U, R) as revisions; with a database, check flyway_schema_history "
				+ "and stamp the revision of the last applied version.")
final class ImportFlywayCommand extends ImportToolCommand {

	@Parameters(arity = "1..*", paramLabel = "<location>",
			description = "Directories holding the Flyway scripts, e.g. src/main/resources/db/flyway.")
	private List<Path> locations = new ArrayList<>();

	@Option(names = "--flyway-table", paramLabel = "<table>", defaultValue = FlywayImport.DEFAULT_TABLE,
			description = "Flyway's history table, schema-qualified if needed (default: ${DEFAULT-VALUE}).")
	private String table;

	@Override
	ImportResult importInto(Path output, @Nullable MigrationConfig database) {
		List<Path> resolved = this.locations.stream().map(this.connection.workingDirectory()::resolve).toList();
		return FlywayImport.read(resolved).importInto(output, database, this.table);
	}

}
