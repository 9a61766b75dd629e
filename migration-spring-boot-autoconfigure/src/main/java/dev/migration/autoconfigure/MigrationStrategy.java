package dev.migration.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationResult;
import dev.migration.command.Migrator;

/**
 * What happens to the database at startup. Define a bean of this type to replace the
 * default chosen by {@code migration.on-startup}, for example to validate and then
 * upgrade, or to upgrade only on a leader instance.
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Bring the database to where the application needs it.
	 * @param migrator the configured migrator
	 * @return what ran, or {@code null} when nothing ran (used for metrics)
	 */
	@Nullable MigrationResult migrate(Migrator migrator);

	/**
	 * Migrate to the target: upgrade, or downgrade when the target is below the
	 * database's revision and {@code migration.allow-downgrade} is true.
	 * @param target the target identifier
	 * @return the strategy
	 */
	static MigrationStrategy upgrade(String target) {
		return (migrator) -> migrator.migrateTo(target);
	}

	/**
	 * Change nothing and fail unless the database is exactly at the target: nothing
	 * pending, not ahead, not on another branch, no revision unknown to the scripts and
	 * (when checksums are validated) no script edited after it was applied.
	 * @param target the target identifier
	 * @return the strategy
	 * @throws MigrationValidationException from {@code migrate} when the database does
	 * not match
	 */
	static MigrationStrategy validate(String target) {
		return new StartupValidation(target);
	}

	/**
	 * Do nothing.
	 * @return the strategy
	 */
	static MigrationStrategy none() {
		return (migrator) -> null;
	}

	/**
	 * The strategy for a {@code migration.on-startup} value.
	 * @param onStartup the setting
	 * @param target the target identifier
	 * @return the strategy
	 */
	static MigrationStrategy of(MigrationProperties.OnStartup onStartup, String target) {
		return switch (onStartup) {
			case UPGRADE -> upgrade(target);
			case VALIDATE -> validate(target);
			case NONE -> none();
		};
	}

}
