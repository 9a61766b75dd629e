package dev.migration.cli;

import java.util.function.Function;

import picocli.CommandLine.Option;

import dev.migration.command.Migrator;

/**
 * {@code --sql} of {@code upgrade}, {@code downgrade} and {@code stamp}: print the script
 * the command would run instead of running it (Alembic's offline mode).
 */
final class SqlOption {

	@Option(names = "--sql", description = "Print the SQL script (version table writes included); run nothing.")
	private boolean sql;

	/**
	 * With {@code --sql}, print the script.
	 * @param connection the command's connection options
	 * @param script the script of the command, from an offline migrator
	 * @return whether it was printed (and nothing else is to be done)
	 */
	boolean printed(ConnectionOptions connection, Function<Migrator, String> script) {
		if (this.sql) {
			connection.out().print(script.apply(connection.offlineMigrator()));
			connection.out().flush();
		}
		return this.sql;
	}

}
