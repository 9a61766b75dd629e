package dev.migration.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.MigrationConfigBuilder;
import dev.migration.autoconfigure.MigrationLintProperties;
import dev.migration.autoconfigure.MigrationSettings;
import dev.migration.command.Migrator;
import dev.migration.lint.LintConfig;
import dev.migration.lint.LintFailedException;
import dev.migration.lint.LintFinding;
import dev.migration.lint.LintFormat;
import dev.migration.lint.LintReport;
import dev.migration.lint.Linter;
import dev.migration.sql.Dialect;

/**
 * {@code mvn migration:lint}: lints the project's scripts for CI, without a database.
 * Settings come from {@code migration.lint.*} in {@code application.yml}; the build fails
 * when a finding reaches {@code fail-on}. With {@code -Dmigration.lint.output=file} the
 * report is also written (SARIF for code scanning, with
 * {@code -Dmigration.lint.format=sarif}).
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
		threadSafe = true)
public class LintMojo extends AbstractMigrationMojo {

	/** The database the scripts are for; default: from the configured JDBC URL. */
	@Parameter(property = "migration.dialect")
	String dialect;

	/** Lint only the revisions after this one (what they create counts as new). */
	@Parameter(property = "migration.lint.since")
	String since;

	/** {@code text}, {@code json} or {@code sarif}. */
	@Parameter(property = "migration.lint.format", defaultValue = "text")
	String format = "text";

	/** Also write the report to this file. */
	@Parameter(property = "migration.lint.output")
	File output;

	/** Overrides {@code migration.lint.fail-on}: info, warning, error or none. */
	@Parameter(property = "migration.lint.fail-on")
	String failOn;

	@Override
	void run(ClassLoader projectLoader) throws MojoExecutionException, MojoFailureException {
		MigrationSettings settings = settings();
		String url = settings.url();
		Dialect database = (this.dialect != null) ? Dialect.fromName(this.dialect)
				: (url != null) ? Dialect.fromJdbcUrl(url) : null;
		if (database == null) {
			throw new MojoFailureException("migration:lint needs to know the database the scripts are for: pass "
					+ "-Dmigration.dialect=postgresql|mariadb|mysql|h2|sqlite or set spring.datasource.url");
		}
		MigrationLintProperties lint = settings.properties().getLint();
		if (this.failOn != null) {
			lint.setFailOn(this.failOn);
		}
		LintConfig config = lint.toLintConfig();
		MigrationConfigBuilder builder = settings.configBuilder().classLoader(projectLoader);
		LintReport report = new Linter(config, database).lint(new Migrator(builder.build()).graph(), this.since);
		for (LintFinding finding : report.findings()) {
			if (report.failing().contains(finding)) {
				getLog().error(finding.toString());
			}
			else {
				getLog().warn(finding.toString());
			}
		}
		String rendered = LintFormat.parse(this.format).render(report);
		getLog().info(LintFormat.TEXT
			.render(new LintReport(List.of(), report.suppressed(), report.revisions(), report.statements(),
					report.skipped(), null))
			.strip());
		if (this.output != null) {
			try {
				Files.createDirectories(this.output.toPath().toAbsolutePath().getParent());
				Files.writeString(this.output.toPath(), rendered, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new MojoExecutionException("Cannot write the lint report to " + this.output, ex);
			}
		}
		if (report.fails()) {
			throw new MojoFailureException(new LintFailedException(report).getMessage());
		}
	}

}
