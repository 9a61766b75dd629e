package dev.migration.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migration.MigrationResult;
import dev.migration.command.Migrator;

/**
 * {@code migration upgrade [target]}: apply pending revisions, or print them with
 * {@code --sql}.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = "Upgrade the database to a target (default: heads), or print the SQL with --sql.")
final class UpgradeCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Parameters(arity = "0..1", defaultValue = "heads", paramLabel = "<target>",
			description = "heads (default), head, an id or unique prefix, +N, <id>+N, <label>@head; "
					+ "with --sql also a range from:to.")
	private String target;

	@Option(names = "--sql", description = "Print the SQL script (version table writes included); run nothing.")
	private boolean sql;

	@Override
	public Integer call() {
		if (this.sql) {
			this.connection.out().print(this.connection.offlineMigrator().upgradeSql(this.target));
			this.connection.out().flush();
			return 0;
		}
		Progress progress = new Progress(this.connection.out());
		Migrator migrator = this.connection.migrator(progress);
		progress.graph(migrator.graph());
		MigrationResult result = migrator.upgrade(this.target);
		progress.finish(result);
		return 0;
	}

}
