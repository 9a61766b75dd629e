package dev.migration.cli;

import picocli.CommandLine.Command;

/**
 * {@code migration import flyway|liquibase}: bring another tool's scripts and history
 * over.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Turn a Flyway or Liquibase project into revisions and stamp the database it migrated.",
		subcommands = { ImportFlywayCommand.class, ImportLiquibaseCommand.class })
final class ImportCommand {

}
