package dev.migration.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.command.Migrator;

/**
 * Walks the graph from base, one revision at a time, on one database: for
 * {@code upgrade one by one} each revision is only applied; for the stairway each is
 * applied, reverted (the catalog must be what it was before the upgrade) and applied
 * again. Runs as one call or, for dynamic tests, step by step; the database goes back to
 * where it was at the end.
 */
final class Stairway {

	private final Migrator migrator;

	private final boolean downAndUp;

	private final String check;

	private List<String> initial = List.of();

	private @Nullable CatalogSnapshot before;

	Stairway(Migrator migrator, boolean downAndUp) {
		this.migrator = migrator;
		this.downAndUp = downAndUp;
		this.check = downAndUp ? "stairway" : "upgrade one by one";
	}

	List<Revision> revisions() {
		return this.migrator.graph().revisions();
	}

	void run() {
		begin();
		Throwable failure = null;
		try {
			List<Revision> revisions = revisions();
			for (int i = 0; i < revisions.size(); i++) {
				step(revisions.get(i), i + 1, revisions.size());
			}
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			Revisions.restore(this.migrator, this.initial, failure);
		}
	}

	void begin() {
		this.initial = this.migrator.current();
		if (!this.initial.isEmpty()) {
			try {
				this.migrator.downgrade("base");
			}
			catch (MigrationException ex) {
				throw new MigrationCheckFailure(this.check, null, "downgrade",
						"The " + this.check + " starts from base, but downgrading the database from " + this.initial
								+ " to base failed: " + ex.getMessage()
								+ ". Give the check a test database it may empty, or make every revision "
								+ "reversible",
						List.of(), ex);
			}
		}
		this.before = this.downAndUp ? CatalogSnapshot.read(this.migrator.config()) : null;
	}

	void step(Revision revision, int index, int total) {
		run(revision, index, total, "upgrade", () -> this.migrator.upgrade(revision.id()));
		if (!this.downAndUp) {
			return;
		}
		run(revision, index, total, "downgrade", () -> Revisions.downgradeOne(this.migrator, revision));
		CatalogSnapshot afterDown = CatalogSnapshot.read(this.migrator.config());
		List<String> differences = afterDown.differencesFrom(this.before, "left behind: ", "missing:     ");
		if (!differences.isEmpty()) {
			throw new MigrationCheckFailure(this.check, revision.id(), "downgrade",
					"Stairway failed at revision " + Revisions.describe(revision) + ", step " + index + " of " + total
							+ ": after its upgrade and downgrade the schema is not what it was before the upgrade:\n  "
							+ String.join("\n  ", differences) + "\nMake the downgrade of " + revision.id()
							+ " undo everything its upgrade does: drop what is left behind, recreate what is missing",
					differences, null);
		}
		run(revision, index, total, "upgrade again", () -> this.migrator.upgrade(revision.id()));
		this.before = CatalogSnapshot.read(this.migrator.config());
	}

	private void run(Revision revision, int index, int total, String direction, Runnable action) {
		try {
			action.run();
		}
		catch (MigrationException ex) {
			String name = this.downAndUp ? "Stairway" : "Upgrade one revision at a time";
			throw new MigrationCheckFailure(this.check, revision.id(), direction.replace(" again", ""),
					name + " failed at revision " + Revisions.describe(revision) + ", step " + index + " of " + total
							+ ", on the " + direction + ": " + ex.getMessage(),
					List.of(), ex);
		}
	}

	void end() {
		Revisions.restore(this.migrator, this.initial);
	}

}
