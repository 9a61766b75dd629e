package dev.migration.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry.Direction;
import dev.migration.InvalidDowngradeTargetException;
import dev.migration.Revision;
import dev.migration.RevisionGraphException;
import dev.migration.RevisionResolutionException;
import dev.migration.UnknownRevisionException;

/**
 * The DAG of all revisions, with Alembic's identifier grammar and traversal rules. Pure:
 * built from a list of revisions, no I/O.
 * <p>
 * Plans carry the exact version-table changes of each step
 * ({@link MigrationStep#removeHeads()} / {@link MigrationStep#addHeads()}): one removed
 * and one added row is an {@code UPDATE}; otherwise every removed row is {@code DELETE}d
 * and every added row {@code INSERT}ed.
 */
public final class RevisionGraph {

	private final Dag dag;

	private final Resolver resolver;

	private final Planner planner;

	private final List<Revision> revisions;

	private final List<Revision> repeatables;

	private RevisionGraph(Dag dag, List<Revision> repeatables) {
		this.dag = dag;
		this.resolver = new Resolver(dag);
		this.planner = new Planner(dag, this.resolver);
		this.revisions = List.of(dag.revisions);
		this.repeatables = repeatables;
	}

	/**
	 * Build and validate a graph: duplicate ids, bad id characters, missing parents,
	 * unknown dependencies, labels used twice, cycles and self-loops fail with the files
	 * named.
	 * @param revisions the revisions
	 * @return the graph
	 * @throws RevisionGraphException (a subclass) when the graph is invalid
	 */
	public static RevisionGraph of(List<Revision> revisions) {
		List<Revision> versioned = new ArrayList<>(revisions.size());
		List<Revision> repeatables = new ArrayList<>();
		for (Revision revision : revisions) {
			(revision.repeatable() ? repeatables : versioned).add(revision);
		}
		Dag dag = DagBuilder.build(versioned);
		return new RevisionGraph(dag, Repeatables.check(repeatables, dag));
	}

	/**
	 * Every versioned revision, bases first (topological order, ties broken by id);
	 * repeatable scripts are in {@link #repeatables()}.
	 */
	public List<Revision> revisions() {
		return this.revisions;
	}

	/**
	 * The repeatable scripts, in the order an upgrade runs them (by id).
	 * @return the repeatable scripts
	 */
	public List<Revision> repeatables() {
		return this.repeatables;
	}

	/**
	 * A stamp plan followed by steps that record repeatable scripts as run at their
	 * current checksum.
	 * @param plan a stamp plan
	 * @param ids the repeatable scripts
	 * @return the plan
	 */
	public MigrationPlan withRepeatableStamps(MigrationPlan plan, List<String> ids) {
		List<MigrationStep> steps = new ArrayList<>(plan.steps());
		for (String id : ids) {
			Revision repeatable = this.repeatables.stream()
				.filter((each) -> each.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new UnknownRevisionException("No repeatable script '" + id + "'", id, List.of()));
			steps.add(new MigrationStep(repeatable, Direction.STAMP, List.of(), List.of()));
		}
		return new MigrationPlan(plan.direction(), plan.fromHeads(), steps, plan.toHeads());
	}

	/**
	 * The plan followed by the repeatable scripts that are due, each a step that leaves
	 * the version table alone.
	 * @param plan an upgrade plan
	 * @param due whether a repeatable script must run (its checksum changed, or it never
	 * ran)
	 * @return the plan with the due scripts appended
	 */
	public MigrationPlan withRepeatables(MigrationPlan plan, Predicate<Revision> due) {
		List<MigrationStep> steps = new ArrayList<>(plan.steps());
		for (Revision repeatable : this.repeatables) {
			if (due.test(repeatable)) {
				steps.add(new MigrationStep(repeatable, Direction.UPGRADE, List.of(), List.of()));
			}
		}
		return (steps.size() == plan.steps().size()) ? plan
				: new MigrationPlan(Direction.UPGRADE, plan.fromHeads(), steps, plan.toHeads());
	}

	public @Nullable Revision get(String id) {
		Integer index = this.dag.byId.get(id);
		return (index != null) ? this.dag.revisions[index] : null;
	}

	/**
	 * Revisions no other revision revises, as {@code alembic heads} lists them: this
	 * includes "effective heads" that only a {@code depends-on} points at.
	 */
	public List<Revision> heads() {
		return revisions(this.dag.versionedHeads());
	}

	/**
	 * The revisions nothing revises or depends on: what {@code heads} resolves to, and
	 * the version table's rows once every revision is applied.
	 */
	public List<Revision> versionTableHeads() {
		return revisions(this.dag.realHeads());
	}

	/** Revisions that revise nothing (they may still depend on others). */
	public List<Revision> bases() {
		return revisions(this.dag.bases());
	}

	/** Revisions with more than one child. */
	public List<Revision> branchPoints() {
		List<Integer> result = new ArrayList<>();
		for (int i = 0; i < this.dag.size(); i++) {
			if (this.dag.children[i].length > 1) {
				result.add(i);
			}
		}
		return revisions(result);
	}

	/** The revisions that name {@code id} in their {@code revises}. */
	public List<Revision> children(String id) {
		return revisions(asList(this.dag.children[index(id)]));
	}

	/**
	 * The branch labels of a revision: declared on it, on an ancestor (down from the
	 * labelled revision), or on a descendant up to the preceding branch point, as
	 * Alembic's history shows them.
	 */
	public Set<String> labelsOf(String id) {
		return this.dag.labels.get(index(id));
	}

	/**
	 * Resolve one identifier of SPEC's grammar to revision ids ({@code base} resolves to
	 * none, {@code heads} to every head). {@code +N} forms resolve as upgrade targets,
	 * {@code -N} forms as downgrade targets; {@code current} is the current heads.
	 * @param identifier the identifier
	 * @param currentHeads the database's current heads, for relative identifiers
	 * @return the ids
	 * @throws RevisionResolutionException (a subclass) naming what is wrong
	 */
	public List<String> resolve(String identifier, Collection<String> currentHeads) {
		return this.dag.ids(this.resolver.resolve(identifier.strip(), this.resolver.current(currentHeads)));
	}

	/**
	 * The upgrade to {@code target} (Alembic's {@code upgrade}): every missing ancestor
	 * and dependency of the target, parents and dependencies first, each branch as a
	 * block. A target at or below the current revisions gives an empty plan (see
	 * {@link #isDowngrade}).
	 */
	public MigrationPlan planUpgrade(Collection<String> currentHeads, String target) {
		return this.planner.upgrade(this.resolver.current(currentHeads), target.strip());
	}

	/**
	 * The downgrade to {@code target} (Alembic's {@code downgrade}): the applied
	 * descendants of the target (and what depends on them), children first. With a branch
	 * ({@code label@base}, {@code label@-1}, {@code -1}) only that branch is touched.
	 * @throws InvalidDowngradeTargetException when the target is not below the current
	 * revisions
	 */
	public MigrationPlan planDowngrade(Collection<String> currentHeads, String target) {
		return this.planner.downgrade(this.resolver.current(currentHeads), target.strip());
	}

	/**
	 * The one step that upgrades or downgrades {@code revision} from the current heads,
	 * with the version-table rows it moves: what finishing an interrupted step needs.
	 * @param currentHeads the version table now
	 * @param revision the revision
	 * @param direction {@code UPGRADE} or {@code DOWNGRADE}
	 * @return the step
	 * @throws IllegalStateException when the version table does not allow the step (the
	 * revision is already a head, or not one, or a parent is missing)
	 */
	public MigrationStep step(Collection<String> currentHeads, String revision, Direction direction) {
		List<Integer> current = this.resolver.current(currentHeads);
		int index = index(revision);
		HeadSimulator table = new HeadSimulator(this.dag, current);
		if (direction == Direction.DOWNGRADE) {
			return table.downgrade(index);
		}
		BitSet applied = this.dag.ancestors(current, true);
		BitSet needed = this.dag.ancestors(index, true);
		needed.clear(index);
		needed.andNot(applied);
		if (applied.get(index) || !needed.isEmpty()) {
			throw new IllegalStateException(revision + " cannot be applied next from " + currentHeads);
		}
		return table.upgrade(index);
	}

	/**
	 * Alembic's {@code stamp}: move the version table to the targets without running
	 * anything. Each step's revision is the stamped revision (or the head whose row is
	 * deleted when stamping to base). With {@code purge} the current rows are ignored:
	 * the plan's {@code fromHeads} is empty and the caller deletes every row first.
	 */
	public MigrationPlan planStamp(Collection<String> currentHeads, List<String> targets, boolean purge) {
		List<Integer> current = purge ? List.of() : this.resolver.current(currentHeads);
		List<String> stripped = targets.stream().map(String::strip).toList();
		return this.planner.stamp(current, stripped.isEmpty() ? List.of("base") : stripped, purge);
	}

	/**
	 * Whether reaching {@code target} means reverting something: the target is
	 * {@code base} (or {@code label@base}) while revisions are applied, a {@code -N}
	 * form, or a revision that is a strict ancestor of a current head. {@code false} for
	 * targets at, above or beside the current heads. The engine's {@code migrateTo}
	 * downgrades when this is true (and downgrades are allowed), else upgrades.
	 */
	public boolean isDowngrade(Collection<String> currentHeads, String target) {
		List<Integer> current = this.resolver.current(currentHeads);
		String stripped = target.strip();
		Resolver.Relative relative = Resolver.relative(stripped);
		if (relative != null && relative.steps() < 0 && relative.symbol() == null) {
			return !current.isEmpty();
		}
		List<Integer> targets = this.resolver.resolve(stripped, current);
		if (targets.isEmpty()) {
			return !current.isEmpty();
		}
		BitSet below = this.dag.ancestors(current, true);
		current.forEach(below::clear);
		return targets.stream().anyMatch(below::get);
	}

	/**
	 * Revisions in a range, newest first, as {@code history -r a:b} lists them.
	 * @param range {@code a:b}, {@code a:}, {@code :b} or {@code null} for all
	 * @param currentHeads the current heads, for {@code current} and relative ids in the
	 * range
	 * @return the revisions
	 */
	public List<Revision> history(@Nullable String range, Collection<String> currentHeads) {
		List<Integer> current = this.resolver.current(currentHeads);
		String text = (range != null) ? range.strip() : ":";
		int colon = text.indexOf(':');
		if (colon < 0) {
			throw new RevisionResolutionException(
					"History range '" + text + "' has no ':'; write 'start:end', 'start:' or ':end'", text);
		}
		String lower = text.substring(0, colon).strip();
		String upper = text.substring(colon + 1).strip();
		lower = lower.isEmpty() ? "base" : lower;
		upper = upper.isEmpty() ? "heads" : upper;
		List<Integer> lowerRevisions = lower.equals("current") ? current : historyLower(lower, current);
		List<Integer> targets = upper.equals("current") ? current
				: this.resolver.upgradeTargets(upper, lowerRevisions, true);
		int at = lower.indexOf('@');
		if (at > 0) {
			String branch = lower.substring(0, at);
			int branchRevision = this.resolver.branchRevision(lower, branch);
			Set<String> branchLabels = this.dag.revisions[branchRevision].id().equals(branch)
					? this.dag.labels.get(branchRevision) : Set.of(branch);
			targets = targets.stream()
				.filter((t) -> this.dag.labels.get(t).stream().anyMatch(branchLabels::contains))
				.toList();
		}
		return revisions(this.planner.history(text, lowerRevisions, targets, lower, upper));
	}

	private List<Integer> historyLower(String lower, List<Integer> current) {
		Resolver.Relative relative = Resolver.relative(lower);
		if (relative != null && relative.steps() < 0) {
			int revision = this.resolver.downgradeTarget(lower, current).revision();
			return (revision == Resolver.BASE) ? List.of() : List.of(revision);
		}
		if (relative != null) {
			return this.resolver.upgradeTargets(lower, current, true);
		}
		return this.resolver.revisions(lower);
	}

	/**
	 * All ancestors of the given revisions (parents and dependencies, transitively),
	 * inclusive.
	 */
	public Set<String> ancestorsOf(Collection<String> ids) {
		return new LinkedHashSet<>(this.dag.ids(this.dag.ancestors(indexes(ids), true)));
	}

	/**
	 * All descendants of the given revisions (children and dependents, transitively),
	 * inclusive, in topological order.
	 */
	public Set<String> descendantsOf(Collection<String> ids) {
		return new LinkedHashSet<>(this.dag.ids(this.dag.descendants(indexes(ids), true)));
	}

	/**
	 * Whether {@code ancestor} is reachable down from {@code descendant} through parents
	 * and dependencies ({@code false} when they are equal).
	 */
	public boolean isAncestor(String ancestor, String descendant) {
		int a = index(ancestor);
		int d = index(descendant);
		return a != d && a < d && this.dag.ancestors(d, true).get(a);
	}

	public int size() {
		return this.dag.size();
	}

	private int index(String id) {
		Integer index = this.dag.byId.get(id);
		if (index == null) {
			throw UnknownRevisionException.noSuchRevision(id, List.of());
		}
		return index;
	}

	private List<Integer> indexes(Collection<String> ids) {
		List<Integer> result = new ArrayList<>(ids.size());
		for (String id : ids) {
			result.add(index(id));
		}
		return result;
	}

	private List<Revision> revisions(List<Integer> indexes) {
		List<Revision> result = new ArrayList<>(indexes.size());
		for (int i : indexes) {
			result.add(this.dag.revisions[i]);
		}
		return List.copyOf(result);
	}

	private static List<Integer> asList(int[] values) {
		List<Integer> result = new ArrayList<>(values.length);
		for (int v : values) {
			result.add(v);
		}
		return result;
	}

}
