package dev.migration.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code migration downgrade <target>}: revert revisions, or print the SQL with
 * {@code --sql from:to}.
 */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = "Downgrade the database to a target, or print the SQL of a range with --sql.")
final class DowngradeCommand extends ChangingCommand {

	@Parameters(paramLabel = "<target>",
			description = "-1, base, an id or unique prefix, <id>-N, <label>@-N; with --sql a range from:to.")
	private String target;

	@Override
	public Integer call() {
		return run((migrator) -> migrator.downgradeSql(this.target), (migrator) -> migrator.downgrade(this.target));
	}

}
