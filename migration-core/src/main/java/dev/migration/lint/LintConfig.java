package dev.migration.lint;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migration.InvalidConfigurationException;
import dev.migration.sql.Dialect;

/**
 * Which rules run, at which severity, what fails the run, and which server the scripts
 * are for. Built from the {@code migration.lint.*} settings and validated once, naming
 * the bad property.
 */
public final class LintConfig {

	/**
	 * The default {@code fail-on}: locks and rewrites fail a CI run, type preferences do
	 * not.
	 */
	public static final Severity DEFAULT_FAIL_ON = Severity.WARNING;

	private final Map<LintRule, Severity> active;

	private final @Nullable Severity failOn;

	private final @Nullable String server;

	private LintConfig(Map<LintRule, Severity> active, @Nullable Severity failOn, @Nullable String server) {
		this.active = active;
		this.failOn = failOn;
		this.server = server;
	}

	/**
	 * Every rule at its default, {@code fail-on: warning}, the dialect's default server.
	 */
	public static LintConfig defaults() {
		return of(Map.of(), DEFAULT_FAIL_ON.toString(), null);
	}

	/**
	 * Build a configuration from settings.
	 * @param rules {@code migration.lint.rules.<rule>}: {@code off}, {@code on} (at the
	 * rule's default severity), {@code info}, {@code warning} or {@code error}
	 * @param failOn {@code migration.lint.fail-on}: {@code info}, {@code warning},
	 * {@code error} or {@code none}
	 * @param server {@code migration.lint.server}, e.g. {@code mariadb-10.11}, or
	 * {@code null} for the dialect's default
	 * @return the configuration
	 * @throws InvalidConfigurationException naming the property for an unknown rule,
	 * value or server
	 */
	public static LintConfig of(Map<String, String> rules, @Nullable String failOn, @Nullable String server) {
		Map<LintRule, Severity> active = new EnumMap<>(LintRule.class);
		for (LintRule rule : LintRule.values()) {
			if (rule.enabledByDefault()) {
				active.put(rule, rule.defaultSeverity());
			}
		}
		for (Map.Entry<String, String> entry : new LinkedHashMap<>(rules).entrySet()) {
			String property = "migration.lint.rules." + entry.getKey();
			LintRule rule = LintRule.byId(entry.getKey().strip().toLowerCase(Locale.ROOT));
			if (rule == null) {
				throw new InvalidConfigurationException(property, "names no lint rule; the rules are "
						+ String.join(", ", Arrays.stream(LintRule.values()).map(LintRule::id).toList()));
			}
			String value = entry.getValue().strip().toLowerCase(Locale.ROOT);
			switch (value) {
				case "off", "false" -> active.remove(rule);
				case "on", "true" -> active.put(rule, rule.defaultSeverity());
				default -> {
					try {
						active.put(rule, Severity.parse(value));
					}
					catch (IllegalArgumentException ex) {
						throw new InvalidConfigurationException(property,
								"must be off, on, info, warning or error, but was '" + entry.getValue() + "'");
					}
				}
			}
		}
		Severity threshold = null;
		if (failOn != null && !failOn.isBlank() && !failOn.strip().equalsIgnoreCase("none")) {
			try {
				threshold = Severity.parse(failOn);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationException("migration.lint.fail-on",
						"must be info, warning, error or none, but was '" + failOn + "'");
			}
		}
		if (server != null && !server.isBlank()) {
			try {
				ServerVersion.parse(server, Dialect.POSTGRESQL);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationException("migration.lint.server", ex.getMessage());
			}
		}
		return new LintConfig(active, threshold, (server == null || server.isBlank()) ? null : server.strip());
	}

	/** The severity of an active rule, {@code null} when the rule is off. */
	public @Nullable Severity severity(LintRule rule) {
		return this.active.get(rule);
	}

	/** The threshold at which a run fails, {@code null} for never. */
	public @Nullable Severity failOn() {
		return this.failOn;
	}

	/** The configured server, {@code null} for the dialect's default. */
	public @Nullable String server() {
		return this.server;
	}

}
