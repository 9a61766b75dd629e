package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migration.BaselineRequiredException;
import dev.migration.ChecksumMismatchException;
import dev.migration.InvalidConfigurationException;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationFailedException;
import dev.migration.UnknownDatabaseRevisionException;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationFailureAnalyzerTests {

	private final MigrationFailureAnalyzer analyzer = new MigrationFailureAnalyzer();

	@Test
	void validationFailureNamesEveryProblemAndItsRemedy() {
		MigrationValidationException ex = new MigrationValidationException("heads", List.of("a1a1a1a1a1a1"),
				List.of("b2b2b2b2b2b2", "c3c3c3c3c3c3"), List.of(), List.of(), List.of(),
				Map.of("a1a1a1a1a1a1", "classpath:db/migration/a1a1a1a1a1a1_create_person.sql"));
		FailureAnalysis analysis = analyze(ex);
		assertThat(analysis.getDescription()).isEqualTo("Database migration failed at startup:\n\n"
				+ "    Database (at a1a1a1a1a1a1) does not match migration target 'heads': behind by 2 revisions "
				+ "(pending: b2b2b2b2b2b2, c3c3c3c3c3c3); revision a1a1a1a1a1a1 "
				+ "(classpath:db/migration/a1a1a1a1a1a1_create_person.sql) was edited after it was applied. "
				+ "Apply the pending revisions first (run `migration upgrade heads`, or start once with "
				+ "migration.on-startup=upgrade). The script was edited after it was applied: revert the edit and "
				+ "put the change into a new revision (or set migration.validate-checksums=false).");
		assertThat(analysis.getAction()).isEqualTo("Apply the pending revisions first (run `migration upgrade heads`,"
				+ " or start once with migration.on-startup=upgrade).\nThe script was edited after it was applied:"
				+ " revert the edit and put the change into a new revision (or set migration.validate-checksums=false).");
	}

	@Test
	void databaseOnAnotherBranchSuggestsMerge() {
		MigrationValidationException ex = new MigrationValidationException("left@head", List.of("2c2c2c2c2c2c"),
				List.of("1b1b1b1b1b1b"), List.of(), List.of("2c2c2c2c2c2c"), List.of(), Map.of());
		assertThat(ex.getMessage()).isEqualTo("Database (at 2c2c2c2c2c2c) does not match migration target "
				+ "'left@head': behind by 1 revision (pending: 1b1b1b1b1b1b); on another branch (2c2c2c2c2c2c is not "
				+ "part of the target). Apply the pending revisions first (run `migration upgrade left@head`, or "
				+ "start once with migration.on-startup=upgrade). Set migration.target to include the database's "
				+ "branch (e.g. 'heads'), or merge the branches with `migration merge heads`.");
	}

	@Test
	void checksumMismatchSaysTheScriptWasEdited() {
		FailureAnalysis analysis = analyze(new ChecksumMismatchException("a1a1a1a1a1a1",
				"db/migration/a1a1a1a1a1a1_create_person.sql", "abc", "def"));
		assertThat(analysis.getAction()).isEqualTo("The script db/migration/a1a1a1a1a1a1_create_person.sql was edited "
				+ "after revision a1a1a1a1a1a1 was applied: revert the edit and put the change into a new revision; "
				+ "if the edit is intended, record the new checksum with `migration repair` (or "
				+ "`mvn migration:repair`); or set migration.validate-checksums=false.");
	}

	@Test
	void schemaBuiltWithoutTheToolNamesTheBaselineSetting() {
		FailureAnalysis analysis = analyze(
				new BaselineRequiredException("public", List.of("table author"), "migration_version"));
		assertThat(analysis.getDescription()).startsWith("Database migration failed at startup:\n\n    Schema "
				+ "public already holds 1 object (table author) but has no version table (migration_version)");
		assertThat(analysis.getAction()).isEqualTo("Schema public was built without this tool. Set "
				+ "migration.baseline to the revision it already matches (or heads) in application.yml, so that the "
				+ "next start records that revision and upgrades only what follows; or run `migration stamp "
				+ "<revision>` once.");
	}

	@Test
	void failedRevisionNamesFileAndLine() {
		FailureAnalysis analysis = analyze(
				new MigrationFailedException("b2b2b2b2b2b2", "db/migration/b2b2b2b2b2b2_add_email.sql", 1, 7, "42S22",
						"Column not found", 0, true, "Fix the statement and run again.", null));
		assertThat(analysis.getDescription()).isEqualTo("Database migration failed at startup:\n\n    Revision "
				+ "b2b2b2b2b2b2 (db/migration/b2b2b2b2b2b2_add_email.sql:7, statement 1) failed: Column not found. "
				+ "Fix the statement and run again.");
		assertThat(analysis.getAction())
			.isEqualTo("Fix revision b2b2b2b2b2b2 in db/migration/b2b2b2b2b2b2_add_email.sql"
					+ " (line 7) and restart. The revision was rolled back; nothing of it stayed applied.");
	}

	@Test
	void unknownRevisionsSuggestDeployingTheirScripts() {
		assertThat(
				analyze(new UnknownDatabaseRevisionException("migration_version", List.of("ffffffffffff"))).getAction())
			.isEqualTo("Deploy the application version whose scripts define ffffffffffff, or "
					+ "`migration stamp` the revision the schema is really at.");
	}

	@Test
	void lockTimeoutSuggestsRaisingTheTimeout() {
		assertThat(analyze(new LockTimeoutException("advisory lock 42", Duration.ofSeconds(60), null)).getAction())
			.isEqualTo("Another instance is probably migrating: wait for it, end a stuck session holding advisory "
					+ "lock 42, or raise migration.lock-timeout.");
	}

	@Test
	void invalidConfigurationNamesTheProperty() {
		assertThat(analyze(new InvalidConfigurationException("lockTimeout", "must not be negative (was PT-1S)"))
			.getAction()).isEqualTo(
					"Fix the setting migration.lock-timeout in application.yml (or in your MigrationConfigCustomizer).");
		assertThat(analyze(new InvalidConfigurationException("migration.version-table", "is not an identifier"))
			.getAction()).isEqualTo(
					"Fix the setting migration.version-table in application.yml (or in your MigrationConfigCustomizer).");
	}

	private FailureAnalysis analyze(Exception cause) {
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("migrationInitializer", "Invocation of init method failed", cause));
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
