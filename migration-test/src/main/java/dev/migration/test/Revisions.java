package dev.migration.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.MigrationStep;
import dev.migration.graph.RevisionGraph;

/**
 * Moves a database one revision at a time through the core {@link Migrator}, and names
 * revisions in messages the way the engine does.
 */
final class Revisions {

	private Revisions() {
	}

	/** {@code id ("message", location)}. */
	static String describe(Revision revision) {
		return revision.id() + " (\"" + revision.message() + "\", " + revision.location() + ")";
	}

	/**
	 * Revert exactly one revision, which must be a current head: {@code <id>@-1}, or for
	 * a merge point (where a relative step is ambiguous) a downgrade to one of its
	 * parents, whichever plan reverts that revision and nothing else.
	 */
	static void downgradeOne(Migrator migrator, Revision revision) {
		RevisionGraph graph = migrator.graph();
		List<String> current = migrator.current();
		List<String> candidates = new ArrayList<>();
		if (!revision.isMergePoint()) {
			candidates.add(revision.id() + "@-1");
		}
		candidates.addAll(revision.revises());
		if (revision.revises().isEmpty()) {
			candidates.add("base");
		}
		for (String target : candidates) {
			MigrationPlan plan;
			try {
				plan = graph.planDowngrade(current, target);
			}
			catch (MigrationException ex) {
				continue;
			}
			List<MigrationStep> steps = plan.steps();
			if (steps.size() == 1 && steps.get(0).revision().id().equals(revision.id())) {
				migrator.downgrade(target);
				return;
			}
		}
		throw new MigrationException("No downgrade target reverts only " + revision.id() + " from " + current);
	}

	/** Up or down to the target, whichever it is from here. */
	static void moveTo(Migrator migrator, String target) {
		if (migrator.graph().isDowngrade(migrator.current(), target)) {
			migrator.downgrade(target);
		}
		else {
			migrator.upgrade(target);
		}
	}

	/**
	 * Run a check that moves the database, then put the version table back; an engine
	 * failure in it becomes the check's failure.
	 */
	static void restoring(Migrator migrator, Function<MigrationException, MigrationCheckFailure> onEngineFailure,
			Runnable check) {
		List<String> initial = migrator.current();
		Throwable failure = null;
		try {
			check.run();
		}
		catch (MigrationException ex) {
			MigrationCheckFailure converted = onEngineFailure.apply(ex);
			failure = converted;
			throw converted;
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			restore(migrator, initial, failure);
		}
	}

	/**
	 * Back to the version table a check started from, after the check ended with
	 * {@code failure} ({@code null} when it passed): a failed restore then only adds to
	 * that failure instead of hiding it (a revision the check found broken often cannot
	 * go back cleanly either).
	 */
	static void restore(Migrator migrator, List<String> initial, @Nullable Throwable failure) {
		try {
			restore(migrator, initial);
		}
		catch (RuntimeException ex) {
			if (failure == null) {
				throw ex;
			}
			failure.addSuppressed(ex);
		}
	}

	/** Back to the version table a check started from. */
	static void restore(Migrator migrator, List<String> initial) {
		List<String> current = migrator.current();
		if (new HashSet<>(current).equals(new HashSet<>(initial))) {
			return;
		}
		if (initial.isEmpty()) {
			migrator.downgrade("base");
			return;
		}
		for (String head : initial) {
			moveTo(migrator, head);
		}
	}

}
