package dev.migration.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code migration:lint}: fails the build on findings at or above fail-on; needs no
 * database.
 */
class LintMojoTests {

	@TempDir
	Path project;

	private Path scripts;

	@BeforeEach
	void writeProject() throws Exception {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		this.scripts = Files.createDirectories(resources.resolve("db/migration"));
		Files.writeString(resources.resolve("application.yml"), """
				spring:
				  datasource:
				    url: "jdbc:postgresql://nowhere.invalid/app"
				migration:
				  locations: filesystem:%s
				  lint:
				    rules:
				      prefer-bigint-over-int: "off"
				""".formatted(this.scripts));
		Files.writeString(this.scripts.resolve("aaaaaaaaaaaa_create.sql"), """
				-- migration: Create account
				-- revision: aaaaaaaaaaaa
				-- revises:

				-- +upgrade
				CREATE TABLE account (id int PRIMARY KEY, name text);
				""");
		Files.writeString(this.scripts.resolve("bbbbbbbbbbbb_drop.sql"), """
				-- migration: Drop name
				-- revision: bbbbbbbbbbbb
				-- revises: aaaaaaaaaaaa

				-- +upgrade
				ALTER TABLE account DROP COLUMN name;
				""");
	}

	private LintMojo mojo() {
		LintMojo mojo = new LintMojo();
		mojo.resources = this.project.resolve("src/main/resources").toFile();
		mojo.outputDirectory = this.project.resolve("target/classes").toFile();
		return mojo;
	}

	@Test
	void failsTheBuildOnFindingsAtOrAboveFailOn() {
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(() -> mojo().execute())
			.withMessage("Lint found 1 problem at or above 'warning':\n" + "  bbbbbbbbbbbb: filesystem:" + this.scripts
					+ "/bbbbbbbbbbbb_drop.sql:6: warning "
					+ "[ban-drop-column] drops column 'account.name', which code still running during the deploy may "
					+ "read or write. Fix: stop reading and writing the column in a release first, then drop it in a "
					+ "later revision\n"
					+ "Fix the scripts, or add '-- lint:ignore <rule> <reason>' before a statement that is safe here, "
					+ "or set migration.lint.fail-on / migration.lint.on-startup=warn");
	}

	@Test
	void writesASarifReportAndPassesBelowFailOn() throws Exception {
		LintMojo mojo = mojo();
		mojo.failOn = "error";
		mojo.format = "sarif";
		mojo.output = new File(this.project.toFile(), "target/lint.sarif");
		mojo.execute();
		assertThat(Files.readString(mojo.output.toPath())).contains("\"ruleId\":\"ban-drop-column\"")
			.doesNotContain("\"ruleId\":\"prefer-bigint-over-int\"");
	}

}
