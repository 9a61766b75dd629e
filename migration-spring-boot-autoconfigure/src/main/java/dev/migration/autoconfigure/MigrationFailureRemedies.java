package dev.migration.autoconfigure;

import dev.migration.BaselineRequiredException;
import dev.migration.ChecksumMismatchException;
import dev.migration.DowngradeNotAllowedException;
import dev.migration.DowngradeNotSupportedException;
import dev.migration.InvalidConfigurationException;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationException;
import dev.migration.MigrationFailedException;
import dev.migration.MissingLocationException;
import dev.migration.MultipleHeadsException;
import dev.migration.NewerDatabaseException;
import dev.migration.PartialMigrationException;
import dev.migration.RevisionGraphException;
import dev.migration.RevisionResolutionException;
import dev.migration.ScriptParseException;
import dev.migration.UnknownDatabaseRevisionException;

/**
 * Remedies for the engine's errors, phrased for a Spring Boot user: properties rather
 * than CLI flags where both exist.
 */
final class MigrationFailureRemedies {

	private MigrationFailureRemedies() {
	}

	static String of(MigrationException cause) {
		if (cause instanceof MigrationValidationException validation) {
			return String.join("\n", validation.getRemedies());
		}
		if (cause instanceof ChecksumMismatchException checksum) {
			return "The script " + checksum.getLocation() + " was edited after revision " + checksum.getRevision()
					+ " was applied: revert the edit and put the change into a new revision; if the edit is intended,"
					+ " record the new checksum with `migration repair` (or `mvn migration:repair`);"
					+ " or set migration.validate-checksums=false.";
		}
		if (cause instanceof BaselineRequiredException baseline) {
			return "Schema " + baseline.getSchema() + " was built without this tool. Set migration.baseline to the"
					+ " revision it already matches (or heads) in application.yml, so that the next start records"
					+ " that revision and upgrades only what follows; or run `migration stamp <revision>` once.";
		}
		if (cause instanceof MigrationFailedException failed) {
			return "Fix revision " + failed.getRevision() + " in " + failed.getLocation()
					+ ((failed.getLine() > 0) ? " (line " + failed.getLine() + ")" : "") + " and restart. "
					+ (failed.isRolledBack() ? "The revision was rolled back; nothing of it stayed applied."
							: failed.getStatementsCompleted() + " statement(s) of it stayed committed: undo them or"
									+ " finish the revision by hand, then record the outcome with `migration stamp`.");
		}
		if (cause instanceof PartialMigrationException partial) {
			return "Revision " + partial.getRevision() + " is half applied: finish or undo it by hand, then record"
					+ " the outcome with `migration stamp` as described above (after undoing it, `migration repair`"
					+ " does the same).";
		}
		if (cause instanceof NewerDatabaseException) {
			return NewerDatabaseException.UPGRADE_REMEDY + ".";
		}
		if (cause instanceof UnknownDatabaseRevisionException unknown) {
			return "Deploy the application version whose scripts define " + String.join(", ", unknown.getRevisions())
					+ ", or `migration stamp` the revision the schema is really at.";
		}
		if (cause instanceof LockTimeoutException lock) {
			return "Another instance is probably migrating: wait for it, end a stuck session holding " + lock.getLock()
					+ ", or raise migration.lock-timeout.";
		}
		if (cause instanceof MissingLocationException missing) {
			return "Fix " + missing.getLocation() + " in migration.locations (a 'classpath:' location is a directory"
					+ " in src/main/resources or a dependency's jar), or set migration.fail-on-missing-locations=false"
					+ " to start without it.";
		}
		if (cause instanceof InvalidConfigurationException invalid) {
			return "Fix the setting " + propertyName(invalid.getProperty())
					+ " in application.yml (or in your MigrationConfigCustomizer).";
		}
		if (cause instanceof DowngradeNotSupportedException downgrade) {
			return "Add a '-- +downgrade' section to " + downgrade.getLocation()
					+ " (or override downgrade()), or move the version table past it with `migration stamp`.";
		}
		if (cause instanceof DowngradeNotAllowedException downgrade) {
			return "Set migration.allow-downgrade=true to let startup downgrade the database to '"
					+ downgrade.getTarget() + "', or set migration.target to the database's revision ("
					+ MigrationValidationException.heads(downgrade.getCurrentHeads()) + ") or above.";
		}
		if (cause instanceof MultipleHeadsException heads) {
			return "The revision graph has several heads (" + String.join(", ", heads.getHeads())
					+ "): run `migration merge heads` to join them, or set migration.target=heads to apply every"
					+ " branch.";
		}
		if (cause instanceof RevisionResolutionException) {
			return "Set migration.target to a revision the scripts define: a full id, a unique prefix, 'heads',"
					+ " 'head' or 'label@head'.";
		}
		if (cause instanceof ScriptParseException script) {
			return "Fix " + script.getLocation() + ((script.getLine() > 0) ? " at line " + script.getLine() : "")
					+ " as the message says, then restart.";
		}
		if (cause instanceof RevisionGraphException) {
			return "Fix the scripts named above (under migration.locations), then restart.";
		}
		return "The message above names the revision, its file and the fix; `migration current` and"
				+ " `migration history --indicate-current` show where the database stands.";
	}

	/**
	 * The {@code migration.*} key for a setting the core names.
	 * @param property e.g. {@code versionTable} or {@code migration.version-table}
	 * @return e.g. {@code migration.version-table}
	 */
	static String propertyName(String property) {
		if (property.startsWith("migration.")) {
			return property;
		}
		StringBuilder name = new StringBuilder("migration.");
		for (char ch : property.toCharArray()) {
			if (Character.isUpperCase(ch)) {
				name.append('-').append(Character.toLowerCase(ch));
			}
			else {
				name.append(ch);
			}
		}
		return name.toString();
	}

}
