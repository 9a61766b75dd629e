package dev.migration.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migration.MigrationResult;
import dev.migration.command.Migrator;

/**
 * {@code migration downgrade <target>}: revert revisions, or print the SQL with
 * {@code --sql from:to}.
 */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = "Downgrade the database to a target, or print the SQL of a range with --sql.")
final class DowngradeCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Parameters(paramLabel = "<target>",
			description = "-1, base, an id or unique prefix, <id>-N, <label>@-N; with --sql a range from:to.")
	private String target;

	@Option(names = "--sql", description = "Print the SQL script (version table writes included); run nothing.")
	private boolean sql;

	@Override
	public Integer call() {
		if (this.sql) {
			this.connection.out().print(this.connection.offlineMigrator().downgradeSql(this.target));
			this.connection.out().flush();
			return 0;
		}
		Progress progress = new Progress(this.connection.out());
		Migrator migrator = this.connection.migrator(progress);
		progress.graph(migrator.graph());
		MigrationResult result = migrator.downgrade(this.target);
		progress.finish(result);
		return 0;
	}

}
