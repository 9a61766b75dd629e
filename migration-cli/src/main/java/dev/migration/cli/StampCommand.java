package dev.migration.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migration.MigrationResult;

/**
 * {@code migration stamp <targets...>}: set the version table without running anything.
 */
@Command(name = "stamp", mixinStandardHelpOptions = true,
		description = "Set the version table to the given revisions without running any migration.")
final class StampCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Parameters(arity = "1..*", paramLabel = "<target>", description = "Revisions to stamp: heads, base, ids...")
	private List<String> targets = new ArrayList<>();

	@Option(names = "--purge", description = "Empty the version table first (for a table with unknown revisions).")
	private boolean purge;

	@Mixin
	private SqlOption sql;

	@Mixin
	private TenantOptions tenants;

	@Override
	public Integer call() {
		if (!this.sql.printed(this.connection, (migrator) -> migrator.stampSql(this.targets, this.purge))
				&& !this.tenants.run(this.connection, (migrator) -> migrator.stamp(this.targets, this.purge))) {
			MigrationResult result = this.connection.migrator().stamp(this.targets, this.purge);
			new RunReport(this.connection.out()).finish(result);
		}
		return 0;
	}

}
