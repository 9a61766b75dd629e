package dev.migration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migration.DatabaseState;
import dev.migration.DatabaseState.ChangedScript;
import dev.migration.command.Migrator;

/**
 * {@code migration.on-startup=validate}: reads the database's state against the target
 * through the one API ({@link Migrator#status(String)}) and changes nothing. The
 * {@code MigrationListener} beans are told through {@link Migrator#validate()}.
 */
final class StartupValidation {

	private StartupValidation() {
	}

	static void check(Migrator migrator, String target) {
		// tells the MigrationListener beans; the decision below reads the state
		// against the target
		migrator.validate();
		DatabaseState state = migrator.status(target).state();
		if (state.relation() == DatabaseState.Relation.AT_TARGET) {
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
