package dev.migration.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migration.autoconfigure.MigrationSettings;
import dev.migration.command.Migrator;
import dev.migration.lint.LintConfig;
import dev.migration.lint.LintFormat;
import dev.migration.lint.LintReport;
import dev.migration.lint.Linter;
import dev.migration.lint.Severity;
import dev.migration.sql.Dialect;

/**
 * {@code migration lint}: statements that lock busy tables, rewrite them or break running
 * code, found in the scripts without touching a database. The exit code says how bad the
 * worst finding that reaches {@code fail-on} is, so CI can gate on it.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
		description = "Check the revisions' upgrade statements for locks, rewrites and breaking changes "
				+ "(rules and settings: migration.lint.*). Needs no database: give --dialect or a URL.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:no finding at or above fail-on", "1:the command failed", "2:invalid command line",
				"3:findings at or above fail-on, the worst 'info'", "4:the worst 'warning'", "5:the worst 'error'" })
final class LintCommand extends ConnectedCommand {

	@Option(names = "--since", paramLabel = "<revision>",
			description = "Lint only the revisions after this one; what they create counts as new (empty) tables.")
	private @Nullable String since;

	@Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
			description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
	private String format = "text";

	@Option(names = "--fail-on", paramLabel = "<severity>",
			description = "info, warning, error or none (default: migration.lint.fail-on, else warning).")
	private @Nullable String failOn;

	@Override
	public Integer call() {
		LintFormat output;
		try {
			output = LintFormat.parse(this.format);
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(ex.getMessage());
		}
		LintReport report = run(this.connection, this.since, this.failOn);
		this.connection.out().print(output.render(report));
		this.connection.out().flush();
		return exitCode(report);
	}

	/**
	 * Lint with the settings' {@code migration.lint.*}; shared with {@code check --lint}.
	 */
	static LintReport run(ConnectionOptions connection, @Nullable String since, @Nullable String failOn) {
		MigrationSettings settings = connection.settings();
		var lint = settings.properties().getLint();
		LintConfig config = LintConfig.of(lint.getRules(), (failOn != null) ? failOn : lint.getFailOn(),
				lint.getServer());
		Migrator migrator = connection.scriptsMigrator();
		Dialect dialect = migrator.config().dialect();
		if (dialect == null && settings.url() != null) {
			dialect = Dialect.fromJdbcUrl(settings.url());
		}
		if (dialect == null) {
			throw new CliException("lint needs to know the database the scripts are for: pass --dialect "
					+ "postgresql|mariadb|mysql|h2|sqlite, or a --url (or spring.datasource.url in application.yml)");
		}
		return new Linter(config, dialect).lint(migrator.graph(), since);
	}

	/** 0 when nothing reaches {@code fail-on}, else 3, 4 or 5 for the worst severity. */
	static int exitCode(LintReport report) {
		if (!report.fails()) {
			return 0;
		}
		Severity highest = report.highest();
		return 3 + ((highest != null) ? highest.ordinal() : 0);
	}

}
