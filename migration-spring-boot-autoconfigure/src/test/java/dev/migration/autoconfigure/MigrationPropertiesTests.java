package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.LockMode;
import dev.migration.MigrationConfig;
import dev.migration.OnNewerDatabase;
import dev.migration.lint.LintConfig;
import dev.migration.lint.LintRule;
import dev.migration.lint.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		MigrationProperties properties = new MigrationProperties();
		MigrationConfig core = MigrationConfig.builder().build();
		MigrationConfig mapped = properties.toConfigBuilder().build();
		assertThat(mapped.locations()).isEqualTo(core.locations()).containsExactly("classpath:db/migration");
		assertThat(mapped.schema()).isEqualTo(core.schema()).isNull();
		assertThat(mapped.versionTable()).isEqualTo(core.versionTable()).isEqualTo("migration_version");
		assertThat(mapped.historyTable()).isEqualTo(core.historyTable()).isEqualTo("migration_history");
		assertThat(mapped.lockTimeout()).isEqualTo(core.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(mapped.lockMode()).isEqualTo(core.lockMode()).isEqualTo(LockMode.AUTO);
		assertThat(mapped.lockLease()).isEqualTo(core.lockLease()).isEqualTo(Duration.ofSeconds(30));
		assertThat(mapped.transactionPerMigration()).isEqualTo(core.transactionPerMigration()).isTrue();
		assertThat(mapped.validateChecksums()).isEqualTo(core.validateChecksums()).isTrue();
		assertThat(mapped.allowDowngrade()).isEqualTo(core.allowDowngrade()).isFalse();
		assertThat(mapped.onNewerDatabase()).isEqualTo(core.onNewerDatabase()).isEqualTo(OnNewerDatabase.WARN);
		assertThat(properties.getHealth().getAheadStatus()).isEqualTo(MigrationHealthProperties.AheadStatus.UP);
		assertThat(mapped.failOnMissingLocations()).isEqualTo(core.failOnMissingLocations()).isTrue();
	}

	@Test
	void lintDefaultsWarnAtStartupAndMatchTheCore() {
		MigrationLintProperties lint = new MigrationProperties().getLint();
		assertThat(lint.getOnStartup()).isEqualTo(MigrationLintProperties.OnStartup.WARN);
		assertThat(lint.getRules()).isEmpty();
		assertThat(lint.getServer()).isNull();
		LintConfig mapped = lint.toLintConfig();
		LintConfig core = LintConfig.defaults();
		assertThat(mapped.failOn()).isEqualTo(core.failOn()).isEqualTo(Severity.WARNING);
		for (LintRule rule : LintRule.values()) {
			assertThat(mapped.severity(rule)).isEqualTo(core.severity(rule));
		}
	}

	@Test
	void lintRulesMapToTheCore() {
		MigrationLintProperties lint = new MigrationProperties().getLint();
		lint.setRules(java.util.Map.of("ban-drop-column", "error", "prefer-bigint-over-int", "off"));
		lint.setFailOn("none");
		LintConfig config = lint.toLintConfig();
		assertThat(config.severity(LintRule.BAN_DROP_COLUMN)).isEqualTo(Severity.ERROR);
		assertThat(config.severity(LintRule.PREFER_BIGINT_OVER_INT)).isNull();
		assertThat(config.failOn()).isNull();
	}

	@Test
	void startupDefaultsUpgradeToHeads() {
		MigrationProperties properties = new MigrationProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getOnStartup()).isEqualTo(MigrationProperties.OnStartup.UPGRADE);
		assertThat(properties.getTarget()).isEqualTo("heads");
		assertThat(properties.isExitAfterMigrate()).isFalse();
		assertThat(properties.isStartupInBackground()).isTrue();
		assertThat(properties.getUrl()).isNull();
		assertThat(properties.getUser()).isNull();
		assertThat(properties.getPassword()).isNull();
	}

	@Test
	void toConfigBuilderMapsEverySetting() {
		MigrationProperties properties = new MigrationProperties();
		properties.setLocations(List.of("classpath:db/other", "filesystem:/opt/migrations"));
		properties.setSchema("app");
		properties.setVersionTable("v");
		properties.setHistoryTable("h");
		properties.setLockTimeout(Duration.ofSeconds(5));
		properties.setLock(LockMode.TABLE);
		properties.setLockLease(Duration.ofSeconds(7));
		properties.setTransactionPerMigration(false);
		properties.setValidateChecksums(false);
		properties.setAllowDowngrade(true);
		properties.setFailOnMissingLocations(false);
		MigrationConfig config = properties.toConfigBuilder().build();
		assertThat(config.failOnMissingLocations()).isFalse();
		assertThat(config.locations()).containsExactly("classpath:db/other", "filesystem:/opt/migrations");
		assertThat(config.schema()).isEqualTo("app");
		assertThat(config.versionTable()).isEqualTo("v");
		assertThat(config.historyTable()).isEqualTo("h");
		assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(config.lockMode()).isEqualTo(LockMode.TABLE);
		assertThat(config.lockLease()).isEqualTo(Duration.ofSeconds(7));
		assertThat(config.transactionPerMigration()).isFalse();
		assertThat(config.validateChecksums()).isFalse();
		assertThat(config.allowDowngrade()).isTrue();
	}

}
