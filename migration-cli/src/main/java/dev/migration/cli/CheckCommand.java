package dev.migration.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.migration.autogenerate.Autogenerator;
import dev.migration.autogenerate.CheckResult;
import dev.migration.lint.LintFormat;
import dev.migration.lint.LintReport;

/**
 * {@code migration check}: whether the database at head matches the models. Exit code 0
 * when it does, 1 with the list of differences: what CI runs.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Compare the database at head with the entities (--classpath, --entities) or a "
				+ "desired-state --schema-sql; exit 1 listing the differences.")
final class CheckCommand extends ConnectedCommand {

	@Mixin
	private DesiredOptions desired;

	@Option(names = "--lint", description = "Also lint the scripts (as 'migration lint'); its exit code wins when "
			+ "it finds problems at or above migration.lint.fail-on.")
	private boolean lint;

	@Override
	public Integer call() {
		DesiredOptions.Desired source = this.desired.open(this.connection);
		CheckResult result = new Autogenerator(this.connection.migrator()).check(source.source());
		if (result.exitCode() == 0) {
			this.connection.out().println("No differences: the database at head matches the models.");
		}
		else {
			int count = result.differences().size();
			this.connection.out()
				.println("The database at head does not match the models (" + count + " difference"
						+ ((count == 1) ? "" : "s") + "); write a revision for " + ((count == 1) ? "it" : "them")
						+ " with 'migration revision --autogenerate -m \"...\"', review it and upgrade:");
			for (String difference : result.differences()) {
				this.connection.out().println("  - " + difference);
			}
		}
		int exitCode = result.exitCode();
		if (this.lint) {
			LintReport report = LintCommand.run(this.connection, null, null);
			this.connection.out().print(LintFormat.TEXT.render(report));
			exitCode = report.fails() ? LintCommand.exitCode(report) : exitCode;
		}
		this.connection.out().flush();
		return exitCode;
	}

}
