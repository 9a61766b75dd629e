package dev.migration.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migration.MigrationResult;

/**
 * {@code migration stamp <targets...>}: set the version table without running anything.
 */
@Command(name = "stamp", mixinStandardHelpOptions = true,
		description = "Set the version table to the given revisions without running any migration.")
final class StampCommand extends ChangingCommand {

	@Parameters(arity = "1..*", paramLabel = "<target>", description = "Revisions to stamp: heads, base, ids...")
	private List<String> targets = new ArrayList<>();

	@Option(names = "--purge", description = "Empty the version table first (for a table with unknown revisions).")
	private boolean purge;

	@Override
	public Integer call() {
		if (!printedOrRunOnSchemas((migrator) -> migrator.stampSql(this.targets, this.purge),
				(migrator) -> migrator.stamp(this.targets, this.purge))) {
			MigrationResult result = this.connection.migrator().stamp(this.targets, this.purge);
			new RunReport(this.connection.out()).finish(result);
		}
		return 0;
	}

}
