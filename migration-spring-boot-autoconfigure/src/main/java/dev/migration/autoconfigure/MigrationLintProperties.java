package dev.migration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migration.lint.LintConfig;

/**
 * {@code migration.lint.*}: which rules run, at which severity, what fails, and what
 * happens at startup. {@link #toLintConfig()} maps them to the core's {@link LintConfig}.
 */
public class MigrationLintProperties {

	/**
	 * Whether to lint pending revisions before migrating at startup: 'warn' logs the
	 * findings, 'fail' also stops startup on findings at or above 'fail-on', 'off' skips
	 * linting.
	 */
	private OnStartup onStartup = OnStartup.WARN;

	/**
	 * Rule settings by rule name: 'off', 'on' (the rule's default severity), 'info',
	 * 'warning' or 'error'. Rules not listed run at their defaults.
	 */
	private Map<String, String> rules = new LinkedHashMap<>();

	/**
	 * The lowest severity that fails a lint run: 'info', 'warning', 'error' or 'none'.
	 */
	private String failOn = LintConfig.DEFAULT_FAIL_ON.toString();

	/**
	 * The server the scripts run on, for rules whose answer depends on the version, e.g.
	 * 'mariadb-10.11', 'mysql-8.0.35' or 'postgresql-16'. Default: MariaDB 10.11 for
	 * MySQL-family databases, PostgreSQL 14 for PostgreSQL.
	 */
	private @Nullable String server;

	/**
	 * The core lint configuration of these settings.
	 * @return the configuration
	 * @throws dev.migration.InvalidConfigurationException naming a bad property
	 */
	public LintConfig toLintConfig() {
		return LintConfig.of(this.rules, this.failOn, this.server);
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public Map<String, String> getRules() {
		return this.rules;
	}

	public void setRules(Map<String, String> rules) {
		this.rules = rules;
	}

	public String getFailOn() {
		return this.failOn;
	}

	public void setFailOn(String failOn) {
		this.failOn = failOn;
	}

	public @Nullable String getServer() {
		return this.server;
	}

	public void setServer(@Nullable String server) {
		this.server = server;
	}

	/**
	 * What lint does at startup.
	 */
	public enum OnStartup {

		/**
		 * Log the findings of pending revisions as warnings (the default).
		 */
		WARN,

		/**
		 * Log them and stop startup when one reaches 'migration.lint.fail-on'.
		 */
		FAIL,

		/**
		 * Do not lint at startup.
		 */
		OFF

	}

}
