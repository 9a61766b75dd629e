package dev.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
final class ImportFlywayCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Parameters(arity = "1..*", paramLabel = "<location>",
			description = "Directories holding the Flyway scripts, e.g. src/main/resources/db/flyway.")
	private List<Path> locations = new ArrayList<>();

	@Option(names = "--output", paramLabel = "<dir>", defaultValue = "src/main/resources/db/migration",
			description = "Where the revisions are written (default: ${DEFAULT-VALUE}).")
	private Path output;

	@Option(names = "--flyway-table", paramLabel = "<table>", defaultValue = FlywayImport.DEFAULT_TABLE,
			description = "Flyway's history table, schema-qualified if needed (default: ${DEFAULT-VALUE}).")
	private String table;

	@Option(names = "--no-stamp", description = "Only write the revisions, even when a database is configured.")
	private boolean noStamp;

	@Override
	public Integer call() {
		Path workingDirectory = this.connection.workingDirectory();
		List<Path> resolved = this.locations.stream().map(workingDirectory::resolve).toList();
		Path output = workingDirectory.resolve(this.output).normalize();
		MigrationConfig database = (this.noStamp || this.connection.settings().url() == null) ? null
				: this.connection.migrator().config();
		ImportResult result = FlywayImport.read(resolved).importInto(output, database, this.table);
		new ImportReport(this.connection.out()).print(result, output, database != null);
		return 0;
	}

}
