package dev.migration.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

import dev.migration.HistoryEntry.Direction;
import dev.migration.InvalidDowngradeTargetException;
import dev.migration.InvalidUpgradeTargetException;
import dev.migration.RevisionRangeException;

/**
 * Which revisions a command runs, in which order, and the version-table rows of each
 * step: Alembic's {@code _collect_upgrade_revisions},
 * {@code _collect_downgrade_revisions}, {@code _stamp_revs} and
 * {@code _topological_sort}.
 */
final class Planner {

	private final Dag dag;

	private final Resolver resolver;

	Planner(Dag dag, Resolver resolver) {
		this.dag = dag;
		this.resolver = resolver;
	}

	MigrationPlan upgrade(List<Integer> current, String target) {
		List<Integer> targets = this.resolver.upgradeTargets(target, current, false);
		checkOverlap(target, targets);
		BitSet needs = this.dag.ancestors(targets, true);
		needs.andNot(this.dag.ancestors(current, true));
		List<Integer> order = sort(needs, targets);
		Collections.reverse(order);
		HeadSimulator table = new HeadSimulator(this.dag, current);
		List<MigrationStep> steps = new ArrayList<>(order.size());
		for (int revision : order) {
			steps.add(table.upgrade(revision));
		}
		return new MigrationPlan(Direction.UPGRADE, this.dag.ids(current), steps, this.dag.ids(table.heads()));
	}

	private void checkOverlap(String target, List<Integer> targets) {
		if (targets.size() < 2) {
			return;
		}
		for (int t : targets) {
			BitSet below = this.dag.ancestors(t, true);
			below.clear(t);
			List<Integer> overlaps = new ArrayList<>();
			for (int other : targets) {
				if (below.get(other)) {
					overlaps.add(other);
				}
			}
			if (!overlaps.isEmpty()) {
				throw new InvalidUpgradeTargetException(
						"Cannot upgrade to '" + target + "': revision " + this.dag.id(t) + " already includes "
								+ String.join(", ", this.dag.ids(overlaps)) + "; name only " + this.dag.id(t),
						target, this.dag.ids(targets));
			}
		}
	}

	MigrationPlan downgrade(List<Integer> current, String target) {
		Resolver.DowngradeTarget parsed = this.resolver.downgradeTarget(target, current);
		int to = parsed.revision();
		List<Integer> roots = new ArrayList<>();
		if (to == Resolver.BASE) {
			roots.addAll(this.dag.bases());
		}
		else {
			for (int c : this.dag.children[to]) {
				roots.add(c);
			}
		}
		if (parsed.branch() != null && roots.size() > 1) {
			// Only the branch the target names is taken down.
			BitSet branch = this.dag.ancestors(this.resolver.branchRevision(target, parsed.branch()), false);
			roots.removeIf((r) -> !branch.get(r));
			if (roots.isEmpty()) {
				throw new InvalidDowngradeTargetException(
						"Cannot downgrade to '" + target + "': branch '" + parsed.branch() + "' has nothing above "
								+ ((to == Resolver.BASE) ? "base" : this.dag.id(to)) + " to take down",
						target, this.dag.ids(current));
			}
		}
		BitSet drop = this.dag.descendants(roots, true);
		drop.and(this.dag.ancestors(current, true));
		if (to != Resolver.BASE && drop.isEmpty() && !current.contains(to)) {
			throw notBelow(target, to, current);
		}
		List<Integer> order = sort(drop, current);
		HeadSimulator table = new HeadSimulator(this.dag, current);
		List<MigrationStep> steps = new ArrayList<>(order.size());
		for (int revision : order) {
			steps.add(table.downgrade(revision));
		}
		return new MigrationPlan(Direction.DOWNGRADE, this.dag.ids(current), steps, this.dag.ids(table.heads()));
	}

	private InvalidDowngradeTargetException notBelow(String target, int to, List<Integer> current) {
		String heads = current.isEmpty() ? "base" : String.join(", ", this.dag.ids(current));
		String where;
		if (current.isEmpty()) {
			where = "the database is at base";
		}
		else if (this.dag.ancestors(to, true).intersects(bits(current))) {
			where = this.dag.id(to) + " is above the current revision(s) " + heads + "; use 'upgrade'";
		}
		else {
			where = this.dag.id(to) + " is on another branch than the current revision(s) " + heads
					+ "; name a revision below them, or use 'upgrade' to add that branch";
		}
		return new InvalidDowngradeTargetException(
				"Cannot downgrade to '" + target + "': it is not below the " + "current revision(s): " + where, target,
				this.dag.ids(current));
	}

	private BitSet bits(List<Integer> indexes) {
		BitSet result = new BitSet();
		indexes.forEach(result::set);
		return result;
	}

	/** Alembic's {@code _stamp_revs}. */
	MigrationPlan stamp(List<Integer> current, List<String> targets, boolean purge) {
		List<Integer> heads = purge ? List.of() : current;
		List<Integer> dests = new ArrayList<>();
		BitSet related = new BitSet();
		boolean toBase = false;
		for (String target : targets) {
			List<Integer> resolved = this.resolver.resolve(target, heads);
			int at = target.indexOf('@');
			if (at > 0) {
				// label@...: only heads on that branch are moved (Alembic's
				// filter_for_lineage).
				related.or(this.dag.lineage(this.resolver.branchRevision(target, target.substring(0, at)), true));
			}
			if (resolved.isEmpty()) {
				toBase = true;
				if (at <= 0) {
					// Plain "base" relates to every head.
					related.or(bits(heads));
				}
			}
			for (int r : resolved) {
				if (!dests.contains(r)) {
					dests.add(r);
				}
				related.or(this.dag.lineage(r, true));
			}
		}
		List<Integer> filtered = new ArrayList<>();
		for (int h : heads) {
			if (related.get(h)) {
				filtered.add(h);
			}
		}
		HeadSimulator table = new HeadSimulator(this.dag, heads);
		List<MigrationStep> steps = new ArrayList<>();
		if (dests.isEmpty() && toBase) {
			for (int h : filtered) {
				steps.add(table.stamp(h, List.of(h), List.of()));
			}
		}
		for (int dest : dests) {
			if (filtered.contains(dest) || table.contains(dest)) {
				continue;
			}
			BitSet descendants = this.dag.descendants(dest, true);
			BitSet ancestors = this.dag.ancestors(dest, true);
			boolean below = filtered.stream().anyMatch(descendants::get);
			boolean above = filtered.stream().anyMatch(ancestors::get);
			if (below || above) {
				List<Integer> from = new ArrayList<>(filtered);
				from.removeIf((h) -> !table.contains(h));
				steps.add(table.stamp(dest, from, List.of(dest)));
			}
			else {
				steps.add(table.stamp(dest, List.of(), List.of(dest)));
			}
		}
		return new MigrationPlan(Direction.STAMP, this.dag.ids(heads), steps, this.dag.ids(table.heads()));
	}

	/**
	 * {@code history -r lower:upper}: what an upgrade from {@code lower} to {@code upper}
	 * would run plus {@code lower} itself, newest first.
	 */
	List<Integer> history(String range, List<Integer> lowerRevisions, List<Integer> targets, String lowerText,
			String upperText) {
		BitSet required = this.dag.ancestors(targets, true);
		for (int l : lowerRevisions) {
			if (!required.get(l)) {
				boolean reversed = targets.stream().anyMatch((t) -> this.dag.ancestors(l, true).get(t));
				String upper = (targets.size() == 1) ? this.dag.id(targets.get(0)) : upperText;
				throw new RevisionRangeException(range, this.dag.id(l), upper, reversed);
			}
		}
		BitSet needs = (BitSet) required.clone();
		needs.andNot(this.dag.ancestors(lowerRevisions, true));
		lowerRevisions.forEach(needs::set);
		if (!lowerRevisions.isEmpty()) {
			needs.and(this.dag.descendants(lowerRevisions, false));
		}
		return sort(needs, targets);
	}

	/**
	 * Alembic's {@code _topological_sort}: newest first, walking down one branch from its
	 * head until a revision is still needed by another head, then switching, so each
	 * branch runs as a block. Reversed, it is the upgrade order.
	 */
	List<Integer> sort(BitSet revisions, List<Integer> startHeads) {
		BitSet todo = (BitSet) revisions.clone();
		List<Integer> heads = new ArrayList<>();
		for (int h : startHeads) {
			if (todo.get(h) && !heads.contains(h)) {
				heads.add(h);
			}
		}
		heads.sort((a, b) -> this.dag.id(a).compareTo(this.dag.id(b)));
		List<BitSet> ancestors = new ArrayList<>();
		for (int h : heads) {
			ancestors.add(this.dag.ancestors(h, true));
		}
		List<Integer> output = new ArrayList<>(todo.cardinality());
		int index = 0;
		while (!heads.isEmpty()) {
			int candidate = heads.get(index);
			int neededBy = -1;
			for (int k = 0; k < heads.size(); k++) {
				if (k != index && ancestors.get(k).get(candidate)) {
					neededBy = k;
					break;
				}
			}
			if (neededBy >= 0) {
				index = neededBy;
				continue;
			}
			if (todo.get(candidate)) {
				output.add(candidate);
				todo.clear(candidate);
			}
			List<Integer> toAdd = new ArrayList<>();
			for (int d : this.dag.down[candidate]) {
				if (todo.get(d) && !heads.contains(d)) {
					toAdd.add(d);
				}
			}
			if (toAdd.isEmpty()) {
				heads.remove(index);
				ancestors.remove(index);
				index = Math.max(index - 1, 0);
			}
			else if (this.dag.parents[candidate].length == 1
					&& this.dag.down[candidate].length == this.dag.parents[candidate].length) {
				heads.set(index, toAdd.get(0));
				ancestors.get(index).clear(candidate);
			}
			else {
				heads.set(index, toAdd.get(0));
				ancestors.set(index, this.dag.ancestors(toAdd.get(0), true));
				for (int k = 1; k < toAdd.size(); k++) {
					heads.add(toAdd.get(k));
					ancestors.add(this.dag.ancestors(toAdd.get(k), true));
				}
			}
		}
		// Unreachable for sets built by the planner; kept so a revision is never lost.
		for (int i = todo.previousSetBit(this.dag.size() - 1); i >= 0; i = todo.previousSetBit(i - 1)) {
			output.add(i);
		}
		return output;
	}

}
