package dev.migration.cli;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

import dev.migration.MigrationConfig;
import dev.migration.imports.ImportResult;

/**
 * {@code import flyway} and {@code import liquibase}: their shared {@code --output} and
 * {@code --no-stamp}, the database to check and stamp, and the report of what was written
 * (as the Maven plugin's {@code AbstractImportMojo}).
 */
abstract class ImportToolCommand extends ConnectedCommand {

	@Option(names = "--output", paramLabel = "<dir>", defaultValue = "src/main/resources/db/migration",
			description = "Where the revisions are written (default: ${DEFAULT-VALUE}).")
	private Path output;

	@Option(names = "--no-stamp", description = "Only write the revisions, even when a database is configured.")
	private boolean noStamp;

	@Override
	public final Integer call() {
		Path output = this.connection.workingDirectory().resolve(this.output).normalize();
		MigrationConfig database = (this.noStamp || this.connection.settings().url() == null) ? null
				: this.connection.migrator().config();
		ImportResult result = importInto(output, database);
		new ImportReport(this.connection.out()).print(result, output, database != null);
		return 0;
	}

	/**
	 * Write the revisions and, with a database, check the tool's history and stamp it.
	 * @param output where the revisions are written
	 * @param database the database to check and stamp, or {@code null}
	 * @return what was written and stamped
	 */
	abstract ImportResult importInto(Path output, @Nullable MigrationConfig database);

}
