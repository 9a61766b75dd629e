package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migration.OnNewerDatabase;

/**
 * Which scripts run and how: locations, placeholders, transactions, checksums,
 * downgrades, a newer database and the baseline of an existing schema. Part of the flat
 * {@code migration.*} namespace: {@link MigrationProperties} extends this class, so the
 * keys keep their names (e.g. {@code migration.locations}).
 */
public abstract class MigrationScriptProperties extends MigrationTableProperties {

	/**
	 * Locations of migration scripts and Java migrations ('classpath:' or 'filesystem:'
	 * prefixed).
	 */
	private List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));

	/**
	 * Whether a location that does not exist fails the startup (and the CLI and Maven
	 * goals). The default location 'classpath:db/migration' may be absent either way, as
	 * in an application without revisions yet; when false, a missing location is only
	 * logged.
	 */
	private boolean failOnMissingLocations = true;

	/**
	 * Values for '${name}' placeholders in SQL scripts, by name. '\${name}' in a script
	 * is the literal text; the built-ins '${migration:schema}', '${migration:user}' and
	 * '${migration:database}' need no entry.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether '${name}' placeholders in SQL scripts are replaced.
	 */
	private boolean placeholderReplacement = true;

	/**
	 * Whether each revision runs in its own transaction (true) or the whole run in one
	 * (false).
	 */
	private boolean transactionPerMigration = true;

	/**
	 * Whether to fail when a script was edited after it was applied.
	 */
	private boolean validateChecksums = true;

	/**
	 * Whether a target below the database's current revision may downgrade it at startup.
	 */
	private boolean allowDowngrade = false;

	/**
	 * What startup 'upgrade' and 'validate' do when a newer build migrated the database
	 * beyond this build's scripts (revisions no script defines that descend from ones
	 * this build knows): 'warn' logs it and starts, 'fail' refuses to start. Unknown
	 * revisions that do not descend from known ones always fail.
	 */
	private OnNewerDatabase onNewerDatabase = OnNewerDatabase.WARN;

	/**
	 * Revision (or 'heads') to record first when the schema already holds objects but no
	 * version table: adopting a database built before this tool, or by another one.
	 * Without it, such a schema is refused.
	 */
	private @Nullable String baseline;

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public boolean isFailOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	public void setFailOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public boolean isTransactionPerMigration() {
		return this.transactionPerMigration;
	}

	public void setTransactionPerMigration(boolean transactionPerMigration) {
		this.transactionPerMigration = transactionPerMigration;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public boolean isAllowDowngrade() {
		return this.allowDowngrade;
	}

	public void setAllowDowngrade(boolean allowDowngrade) {
		this.allowDowngrade = allowDowngrade;
	}

	public OnNewerDatabase getOnNewerDatabase() {
		return this.onNewerDatabase;
	}

	public void setOnNewerDatabase(OnNewerDatabase onNewerDatabase) {
		this.onNewerDatabase = onNewerDatabase;
	}

	public @Nullable String getBaseline() {
		return this.baseline;
	}

	public void setBaseline(@Nullable String baseline) {
		this.baseline = baseline;
	}

}
