package dev.migration.cli;

import java.util.function.Function;

import picocli.CommandLine.Mixin;

import dev.migration.MigrationResult;
import dev.migration.command.Migrator;

/**
 * {@code upgrade}, {@code downgrade} and {@code stamp}: each prints its script with
 * {@code --sql}, runs on every selected schema with {@code --schemas}, else runs on the
 * one database.
 */
abstract class ChangingCommand extends ConnectedCommand {

	@Mixin
	private SqlOption sql;

	@Mixin
	private TenantOptions tenants;

	/**
	 * Print the script ({@code --sql}) or run on every selected schema.
	 * @param script the command's script, from an offline migrator
	 * @param command the command, with each schema's migrator
	 * @return {@code false} when neither applied: run on the one database
	 */
	final boolean printedOrRunOnSchemas(Function<Migrator, String> script,
			Function<Migrator, MigrationResult> command) {
		return this.sql.printed(this.connection, script) || this.tenants.run(this.connection, command);
	}

	/**
	 * Print the script, run on every selected schema, or run on the one database,
	 * reporting each step as it runs.
	 * @param script the command's script, from an offline migrator
	 * @param command the command
	 * @return the exit code, 0
	 */
	final int run(Function<Migrator, String> script, Function<Migrator, MigrationResult> command) {
		if (!printedOrRunOnSchemas(script, command)) {
			RunReport.run(this.connection, command);
		}
		return 0;
	}

}
