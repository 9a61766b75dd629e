package dev.migration.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migration.HistoryEntry.Direction;

/**
 * The version table's rows as a plan moves them, step by step, following Alembic's
 * {@code HeadMaintainer}: a new root or branch adds its row, a step along a line replaces
 * its parent's row, a merge removes the rows of its parents that are not below another
 * remaining head and adds its own, a downgrade through a merge hands its row back to the
 * parents no other head covers, and closing a branch removes its row. Each method returns
 * the step with the rows it removes and adds; how the store writes them is
 * {@link MigrationStep}'s business.
 */
final class HeadSimulator {

	private final Dag dag;

	private final Set<Integer> heads;

	private List<Integer> cachedKey = List.of();

	private BitSet cachedAncestors = new BitSet();

	HeadSimulator(Dag dag, Collection<Integer> heads) {
		this.dag = dag;
		this.heads = new LinkedHashSet<>(heads);
	}

	List<Integer> heads() {
		List<Integer> result = new ArrayList<>(this.heads);
		result.sort(null);
		return result;
	}

	MigrationStep upgrade(int revision) {
		int[] down = this.dag.down[revision];
		List<Integer> present = new ArrayList<>();
		for (int d : down) {
			if (this.heads.contains(d)) {
				present.add(d);
			}
		}
		if (present.isEmpty()) {
			return step(revision, Direction.UPGRADE, List.of(), List.of(revision));
		}
		if (present.size() > 1) {
			// Merge: parents that are also below another remaining head have no row to
			// remove; the others' rows are removed and the merge's row added.
			BitSet below = ancestorsOfOthers(present);
			List<Integer> from = new ArrayList<>();
			for (int d : present) {
				if (!below.get(d)) {
					from.add(d);
				}
			}
			if (from.isEmpty()) {
				return step(revision, Direction.UPGRADE, List.of(), List.of(revision));
			}
			return step(revision, Direction.UPGRADE, from, List.of(revision));
		}
		return step(revision, Direction.UPGRADE, present, List.of(revision));
	}

	MigrationStep downgrade(int revision) {
		if (!this.heads.contains(revision)) {
			throw new IllegalStateException(this.dag.id(revision) + ": not in the version table "
					+ this.dag.ids(this.heads) + " when downgrading it");
		}
		int[] down = this.dag.down[revision];
		List<Integer> to = unmergeTo(revision, down);
		if (down.length == 0 || to.isEmpty()) {
			return step(revision, Direction.DOWNGRADE, List.of(revision), List.of());
		}
		if (down.length > 1) {
			return step(revision, Direction.DOWNGRADE, List.of(revision), to);
		}
		return step(revision, Direction.DOWNGRADE, List.of(revision), List.of(down[0]));
	}

	/**
	 * The parents a downgraded revision hands its row to: those not already below another
	 * remaining head (Alembic's {@code _unmerge_to_revisions}).
	 */
	private List<Integer> unmergeTo(int revision, int[] down) {
		List<Integer> result = new ArrayList<>();
		if (this.heads.size() > 1) {
			BitSet below = ancestorsOfOthers(List.of(revision));
			for (int d : down) {
				if (!below.get(d)) {
					result.add(d);
				}
			}
			return result;
		}
		if (down.length == 1) {
			return List.of(down[0]);
		}
		BitSet below = new BitSet();
		for (int d : down) {
			BitSet a = this.dag.ancestors(d, true);
			a.clear(d);
			below.or(a);
		}
		for (int d : down) {
			if (!below.get(d)) {
				result.add(d);
			}
		}
		return result;
	}

	/** Inclusive ancestors of every current head except {@code excluded}, cached. */
	private BitSet ancestorsOfOthers(List<Integer> excluded) {
		List<Integer> others = new ArrayList<>();
		for (int h : this.heads) {
			if (!excluded.contains(h)) {
				others.add(h);
			}
		}
		others.sort(null);
		// Steps along one branch leave the other heads alone: reuse their ancestors.
		if (!others.equals(this.cachedKey)) {
			this.cachedKey = others;
			this.cachedAncestors = this.dag.ancestors(others, true);
		}
		return this.cachedAncestors;
	}

	/** Stamp: the {@code from} rows are removed and the {@code to} rows added. */
	MigrationStep stamp(int revision, List<Integer> from, List<Integer> to) {
		return step(revision, Direction.STAMP, from, to);
	}

	boolean contains(int revision) {
		return this.heads.contains(revision);
	}

	private MigrationStep step(int revision, Direction direction, List<Integer> remove, List<Integer> add) {
		for (int r : remove) {
			if (!this.heads.remove(r)) {
				throw new IllegalStateException(this.dag.id(revision) + ": row " + this.dag.id(r)
						+ " is not in the version table " + this.dag.ids(this.heads));
			}
		}
		for (int a : add) {
			if (!this.heads.add(a)) {
				throw new IllegalStateException(
						this.dag.id(revision) + ": row " + this.dag.id(a) + " is already in the version table");
			}
		}
		return new MigrationStep(this.dag.revisions[revision], direction, this.dag.ids(remove), this.dag.ids(add));
	}

}
