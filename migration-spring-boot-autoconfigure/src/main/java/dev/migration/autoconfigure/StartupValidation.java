package dev.migration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.DatabaseState;
import dev.migration.DatabaseState.ChangedScript;
import dev.migration.NewerDatabaseException;
import dev.migration.OnNewerDatabase;
import dev.migration.command.Migrator;

/**
 * {@code migration.on-startup=validate}: reads the database's state against the target
 * through the one API ({@link Migrator#status(String)}) and changes nothing.
 */
final class StartupValidation {

	private static final Logger log = LoggerFactory.getLogger(StartupValidation.class);

	private StartupValidation() {
	}

	static void check(Migrator migrator, String target) {
		DatabaseState state = migrator.status(target).state();
		if (state.relation() == DatabaseState.Relation.AT_TARGET) {
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
		throw new MigrationValidationException(target, state.currentHeads(), state.pending(), state.ahead(),
				state.otherBranch(), state.unknownHeads(), drifted);
	}

}
