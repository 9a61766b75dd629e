package dev.migration.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migration.AmbiguousRelativeRevisionException;
import dev.migration.AmbiguousRevisionException;
import dev.migration.InvalidDowngradeTargetException;
import dev.migration.InvalidUpgradeTargetException;
import dev.migration.MultipleHeadsException;
import dev.migration.RevisionResolutionException;
import dev.migration.RevisionNotOnBranchException;
import dev.migration.RevisionOutOfRangeException;
import dev.migration.UnknownBranchException;
import dev.migration.UnknownRevisionException;

/**
 * SPEC's identifier grammar with Alembic's semantics ({@code RevisionMap.get_revisions},
 * {@code _walk}, {@code _parse_upgrade_target}, {@code _parse_downgrade_target}).
 * Revisions are {@link Dag} indexes; {@link #BASE} stands for "below every root".
 */
final class Resolver {

	static final int BASE = -1;

	/** {@code [label@][symbol](+|-)N}, as Alembic's relative destination. */
	private static final Pattern RELATIVE = Pattern.compile("^(?:(.+?)@)?(\\w+)?([+-]\\d+)$");

	private final Dag dag;

	Resolver(Dag dag) {
		this.dag = dag;
	}

	record Relative(@Nullable String branch, @Nullable String symbol, int steps) {
	}

	static @Nullable Relative relative(String identifier) {
		Matcher m = RELATIVE.matcher(identifier);
		if (!m.matches()) {
			return null;
		}
		return new Relative(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
	}

	List<Integer> current(Collection<String> currentHeads) {
		List<Integer> result = new ArrayList<>();
		for (String id : currentHeads) {
			Integer index = this.dag.byId.get(id);
			if (index == null) {
				throw UnknownRevisionException.notInScripts(id);
			}
			if (!result.contains(index)) {
				result.add(index);
			}
		}
		return result;
	}

	/** The whole grammar except ranges; {@code -N} forms resolve as downgrade targets. */
	List<Integer> resolve(String identifier, List<Integer> current) {
		if (identifier.equals("current")) {
			return current;
		}
		if (identifier.indexOf(':') >= 0) {
			throw new RevisionResolutionException("'" + identifier + "' is a range; ranges are accepted by "
					+ "'history' and by offline (--sql) commands only, name a single target here", identifier);
		}
		Relative relative = relative(identifier);
		if (relative != null && relative.steps() < 0) {
			int revision = downgradeTarget(identifier, current).revision();
			return (revision == BASE) ? List.of() : List.of(revision);
		}
		if (relative != null) {
			return upgradeTargets(identifier, current, false);
		}
		return revisions(identifier);
	}

	/** Absolute identifiers: ids, prefixes, labels, head(s), base, label@... */
	List<Integer> revisions(String identifier) {
		String branch = null;
		String symbol = identifier;
		int at = identifier.indexOf('@');
		if (at >= 0) {
			branch = identifier.substring(0, at);
			symbol = identifier.substring(at + 1);
		}
		switch (symbol) {
			case "heads":
				return (branch != null) ? onLineage(this.dag.versionedHeads(), identifier, branch)
						: this.dag.realHeads();
			case "head":
				return currentHead(identifier, branch);
			case "base":
			case "":
				if (branch != null) {
					branchRevision(identifier, branch);
				}
				return List.of();
			default:
				return List.of(revision(identifier, symbol, branch));
		}
	}

	/** Like {@link #revisions} but exactly one revision or base ({@link #BASE}). */
	int single(String identifier) {
		List<Integer> result = revisions(identifier);
		if (result.size() > 1) {
			throw new MultipleHeadsException(identifier, this.dag.ids(result));
		}
		return result.isEmpty() ? BASE : result.get(0);
	}

	private List<Integer> currentHead(String identifier, @Nullable String branch) {
		List<Integer> heads = this.dag.versionedHeads();
		if (branch != null) {
			heads = onLineage(heads, identifier, branch);
		}
		if (heads.size() > 1) {
			throw new MultipleHeadsException(identifier, this.dag.ids(heads));
		}
		return heads;
	}

	private List<Integer> onLineage(List<Integer> candidates, String identifier, String branch) {
		BitSet lineage = this.dag.lineage(branchRevision(identifier, branch), false);
		List<Integer> result = new ArrayList<>();
		for (int c : candidates) {
			if (lineage.get(c)) {
				result.add(c);
			}
		}
		return result;
	}

	/** The revision a branch name stands for: the one declaring the label, or an id. */
	int branchRevision(String identifier, String branch) {
		Integer labelled = this.dag.byLabel.get(branch);
		if (labelled != null) {
			return labelled;
		}
		try {
			return revision(branch, branch, null);
		}
		catch (UnknownRevisionException ex) {
			throw new UnknownBranchException(identifier, branch,
					new ArrayList<>(new TreeSet<>(this.dag.byLabel.keySet())));
		}
	}

	int revision(String identifier, String symbol, @Nullable String branch) {
		Integer branchRev = (branch != null) ? branchRevision(identifier, branch) : null;
		BitSet lineage = (branchRev != null) ? this.dag.lineage(branchRev, false) : null;
		Integer found = this.dag.byId.get(symbol);
		if (found == null) {
			found = this.dag.byLabel.get(symbol);
		}
		if (found == null) {
			List<Integer> matches = new ArrayList<>();
			List<Integer> offBranch = new ArrayList<>();
			for (int i = 0; i < this.dag.size(); i++) {
				String id = this.dag.id(i);
				// Alembic only matches prefixes of ids longer than three characters.
				if (id.length() > 3 && id.startsWith(symbol)) {
					((lineage == null || lineage.get(i)) ? matches : offBranch).add(i);
				}
			}
			if (matches.isEmpty() && offBranch.size() == 1) {
				throw new RevisionNotOnBranchException(identifier, this.dag.id(offBranch.get(0)), branch);
			}
			if (matches.isEmpty()) {
				throw UnknownRevisionException.noSuchRevision(symbol, CloseMatches.of(symbol, this.dag));
			}
			if (matches.size() > 1) {
				List<String> ids = new ArrayList<>(new TreeSet<>(this.dag.ids(matches)));
				throw new AmbiguousRevisionException(symbol, ids);
			}
			found = matches.get(0);
		}
		if (lineage != null && !lineage.get(found)) {
			throw new RevisionNotOnBranchException(identifier, this.dag.id(found), branch);
		}
		return found;
	}

	/**
	 * Walk {@code steps} revisions up (children) or down (parents). Up from {@link #BASE}
	 * starts at the roots; down past a root reaches {@link #BASE}. With {@code clamp} the
	 * walk stops at the edge instead of failing, as history does.
	 */
	int walk(String identifier, int start, int steps, @Nullable String branch, boolean clamp) {
		BitSet lineage = (branch != null) ? this.dag.lineage(branchRevision(identifier, branch), false) : null;
		int current = start;
		boolean belowBase = false;
		for (int taken = 0; taken < Math.abs(steps); taken++) {
			List<Integer> candidates = new ArrayList<>();
			if (steps > 0) {
				List<Integer> up = (current == BASE) ? this.dag.bases() : asList(this.dag.children[current]);
				for (int c : up) {
					if (lineage == null || lineage.get(c)) {
						candidates.add(c);
					}
				}
			}
			else if (current != BASE) {
				candidates = asList(this.dag.parents[current]);
				if (candidates.isEmpty()) {
					candidates = List.of(BASE);
				}
			}
			if (candidates.isEmpty() || belowBase) {
				if (clamp) {
					return current;
				}
				String from = (start == BASE) ? null : this.dag.id(start);
				throw new RevisionOutOfRangeException(identifier, from, steps, taken);
			}
			if (candidates.size() > 1) {
				throw ambiguousWalk(identifier, current, candidates, steps > 0);
			}
			current = candidates.get(0);
			belowBase = current == BASE;
		}
		return current;
	}

	private AmbiguousRelativeRevisionException ambiguousWalk(String identifier, int at, List<Integer> candidates,
			boolean up) {
		List<String> ids = this.dag.ids(candidates);
		String where;
		if (up) {
			where = (at == BASE) ? "there are several roots (" + String.join(", ", ids) + ")"
					: this.dag.id(at) + " is a branch point (children " + String.join(", ", ids) + ")";
		}
		else {
			where = this.dag.id(at) + " is a merge point (parents " + String.join(", ", ids) + ")";
		}
		return new AmbiguousRelativeRevisionException("Cannot resolve '" + identifier + "': " + where
				+ ", so the relative step is ambiguous; name the branch ('<label>@" + (up ? "+" : "-")
				+ "N') or start from a revision on it ('<id>" + (up ? "+" : "-") + "N')", identifier, ids);
	}

	private static List<Integer> asList(int[] values) {
		List<Integer> result = new ArrayList<>(values.length);
		for (int v : values) {
			result.add(v);
		}
		return result;
	}

	/**
	 * Upgrade targets ({@code _parse_upgrade_target}): absolute identifiers, or
	 * {@code +N}, {@code label@+N}, {@code id+N}, {@code label@base+N}, {@code id-N}.
	 */
	List<Integer> upgradeTargets(String target, List<Integer> current, boolean clamp) {
		Relative relative = relative(target);
		if (relative == null) {
			return revisions(target);
		}
		if (relative.steps() > 0) {
			if (relative.symbol() == null) {
				int start = upgradeStart(target, relative.branch(), current);
				return List.of(walk(target, start, relative.steps(), relative.branch(), clamp));
			}
			int start = single(symbolOnBranch(relative));
			return List.of(walk(target, start, relative.steps(), relative.branch(), clamp));
		}
		if (relative.symbol() == null) {
			throw new InvalidUpgradeTargetException("Cannot upgrade to '" + target
					+ "': it is below the current revision; use 'downgrade " + target + "'", target,
					this.dag.ids(current));
		}
		int start = single(symbolOnBranch(relative));
		int result = walk(target, start, relative.steps(), null, clamp);
		return (result == BASE) ? List.of() : List.of(result);
	}

	private String symbolOnBranch(Relative relative) {
		return (relative.branch() != null) ? relative.branch() + "@" + relative.symbol() : relative.symbol();
	}

	private int upgradeStart(String target, @Nullable String branch, List<Integer> current) {
		List<Integer> starts = current;
		if (branch != null && !current.isEmpty()) {
			starts = onLineage(current, target, branch);
			if (starts.isEmpty()) {
				// The branch is not at a head yet: start from the newest applied
				// revisions of it, or from base.
				BitSet active = this.dag.ancestors(current, true);
				BitSet lineage = this.dag.lineage(branchRevision(target, branch), false);
				active.and(lineage);
				BitSet tips = (BitSet) active.clone();
				for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
					for (int d : this.dag.down[i]) {
						tips.clear(d);
					}
				}
				starts = Dag.list(tips);
			}
		}
		if (starts.isEmpty()) {
			return BASE;
		}
		if (starts.size() > 1) {
			throw new AmbiguousRelativeRevisionException("Cannot resolve '" + target + "': the database is at "
					+ starts.size() + " heads (" + String.join(", ", this.dag.ids(starts))
					+ "), so it is ambiguous which one to move from; write '<head>@+N' or '<label>@+N' to name "
					+ "the branch", target, this.dag.ids(starts));
		}
		return starts.get(0);
	}

	/** A downgrade target: the branch it limits the downgrade to, and the revision. */
	record DowngradeTarget(@Nullable String branch, int revision) {
	}

	DowngradeTarget downgradeTarget(String target, List<Integer> current) {
		Relative relative = relative(target);
		if (relative != null) {
			if (relative.steps() >= 0) {
				if (relative.symbol() == null) {
					throw new InvalidDowngradeTargetException("Cannot downgrade to '" + target
							+ "': it is above the current revision; use 'upgrade " + target + "'", target,
							this.dag.ids(current));
				}
				int start = single(symbolOnBranch(relative));
				return new DowngradeTarget(relative.branch(),
						walk(target, start, relative.steps(), relative.branch(), false));
			}
			String branch = relative.branch();
			String symbol = relative.symbol();
			if (symbol == null) {
				symbol = downgradeStart(target, branch, current);
				if (branch == null) {
					// Alembic limits "-N" to the branch of the head it starts from.
					branch = symbol;
				}
			}
			int start = single((branch != null) ? branch + "@" + symbol : symbol);
			return new DowngradeTarget(branch, walk(target, start, relative.steps(), null, false));
		}
		int at = target.lastIndexOf('@');
		String branch = (at > 0) ? target.substring(0, at) : null;
		String symbol = (at >= 0) ? target.substring(at + 1) : target;
		if (branch != null) {
			branchRevision(target, branch);
		}
		return new DowngradeTarget(branch, single(symbol));
	}

	private String downgradeStart(String target, @Nullable String branch, List<Integer> current) {
		List<Integer> starts = current;
		if (branch != null) {
			starts = onLineage(current, target, branch);
			if (starts.isEmpty()) {
				BitSet all = this.dag.ancestors(current, true);
				BitSet tips = (BitSet) all.clone();
				for (int i = all.nextSetBit(0); i >= 0; i = all.nextSetBit(i + 1)) {
					for (int p : this.dag.parents[i]) {
						tips.clear(p);
					}
				}
				starts = onLineage(Dag.list(tips), target, branch);
			}
		}
		if (starts.isEmpty()) {
			throw new InvalidDowngradeTargetException(
					"Cannot downgrade to '" + target + "': "
							+ ((branch == null) ? "the database is at base, there is nothing to downgrade"
									: "no current revision is on branch '" + branch + "'"),
					target, this.dag.ids(current));
		}
		if (starts.size() > 1) {
			throw new AmbiguousRelativeRevisionException("Cannot resolve '" + target + "': the database is at "
					+ starts.size() + " heads (" + String.join(", ", this.dag.ids(starts))
					+ "), so it is ambiguous which one to move from; write '<head>@-N' (e.g. '"
					+ this.dag.id(starts.get(0)) + "@" + target.substring(target.indexOf('-'))
					+ "') or '<label>@-N' to name the branch", target, this.dag.ids(starts));
		}
		return this.dag.id(starts.get(0));
	}

}
