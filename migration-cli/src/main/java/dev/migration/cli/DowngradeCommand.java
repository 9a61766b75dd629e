package dev.migration.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code migration downgrade <target>}: revert revisions, or print the SQL with
 * {@code --sql from:to}.
 */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = "Downgrade the database to a target, or print the SQL of a range with --sql.")
final class DowngradeCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Mixin
	private SqlOption sql;

	@Mixin
	private TenantOptions tenants;

	@Parameters(paramLabel = "<target>",
			description = "-1, base, an id or unique prefix, <id>-N, <label>@-N; with --sql a range from:to.")
	private String target;

	@Override
	public Integer call() {
		if (!this.sql.printed(this.connection, (migrator) -> migrator.downgradeSql(this.target))
				&& !this.tenants.run(this.connection, (migrator) -> migrator.downgrade(this.target))) {
			RunReport.run(this.connection, (migrator) -> migrator.downgrade(this.target));
		}
		return 0;
	}

}
