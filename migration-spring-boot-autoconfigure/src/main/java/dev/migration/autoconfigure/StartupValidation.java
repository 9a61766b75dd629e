package dev.migration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.DatabaseState;
import dev.migration.DatabaseState.ChangedScript;
import dev.migration.MigrationResult;
import dev.migration.NewerDatabaseException;
import dev.migration.OnNewerDatabase;
import dev.migration.command.Migrator;

/**
 * {@code migration.on-startup=validate}: reads the database's state against the target
 * through the one API ({@link Migrator#status(String)}), changes nothing, and logs its
 * verdict; the initializer records it as a run with outcome {@code validated}. The
 * {@code MigrationListener} beans are told through {@link Migrator#validate()}.
 */
final class StartupValidation implements MigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(StartupValidation.class);

	private final String target;

	StartupValidation(String target) {
		this.target = target;
	}

	/** Validation changes nothing, so it returns no result; see {@link #check}. */
	@Override
	public @Nullable MigrationResult migrate(Migrator migrator) {
		check(migrator);
		return null;
	}

	/**
	 * Check the database against the target and log the verdict.
	 * @param migrator the migrator
	 * @throws MigrationValidationException when the database does not match
	 */
	void check(Migrator migrator) {
		// tells the MigrationListener beans; the decision below reads the state against
		// the target
		migrator.validate();
		DatabaseState state = migrator.status(this.target).state();
		if (state.relation() == DatabaseState.Relation.AT_TARGET) {
			log.info("{}: database validated against target '{}': at the target, nothing changed",
					MigrationValidationException.heads(state.currentHeads()), this.target);
			return;
		}
		if (state.relation() == DatabaseState.Relation.AHEAD && state.ahead().equals(state.newerHeads())) {
			// a rolling deploy: a newer build migrated the database; the check is the
			// same one an upgrade makes
			if (migrator.config().onNewerDatabase() == OnNewerDatabase.FAIL) {
				throw state.newer(NewerDatabaseException.UPGRADE_REMEDY);
			}
			log.warn("{}: the database is ahead of this build (applied by a newer build on top of {}); starting",
					String.join(", ", state.newerHeads()), String.join(", ", state.newerBase()));
			return;
		}
		Map<String, String> drifted = new LinkedHashMap<>();
		for (ChangedScript changed : state.drifted()) {
			drifted.put(changed.revision(), String.valueOf(changed.location()));
		}
		throw new MigrationValidationException(this.target, state.currentHeads(), state.pending(), state.ahead(),
				state.otherBranch(), state.unknownHeads(), drifted);
	}

}
