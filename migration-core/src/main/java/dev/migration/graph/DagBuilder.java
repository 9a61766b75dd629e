package dev.migration.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import dev.migration.DuplicateBranchLabelException;
import dev.migration.DuplicateRevisionException;
import dev.migration.InvalidRevisionIdException;
import dev.migration.MissingParentException;
import dev.migration.Revision;
import dev.migration.RevisionCycleException;
import dev.migration.UnknownDependencyException;

/**
 * Validates a list of revisions and builds the {@link Dag}. Every check is linear in the
 * number of revisions and edges (plus a log factor for the id-ordered topological sort).
 */
final class DagBuilder {

	private static final int[] NONE = new int[0];

	private DagBuilder() {
	}

	static Dag build(List<Revision> input) {
		Map<String, Integer> inputIndex = new HashMap<>(input.size() * 2);
		for (int i = 0; i < input.size(); i++) {
			Revision revision = input.get(i);
			checkId(revision);
			Integer previous = inputIndex.putIfAbsent(revision.id(), i);
			if (previous != null) {
				throw new DuplicateRevisionException(revision.id(), input.get(previous).location(),
						revision.location());
			}
		}
		Map<String, Integer> inputLabels = labels(input, inputIndex);
		int n = input.size();
		int[][] inParents = new int[n][];
		int[][] inDeps = new int[n][];
		for (int i = 0; i < n; i++) {
			Revision revision = input.get(i);
			inParents[i] = references(revision, revision.revises(), inputIndex, null);
			inDeps[i] = references(revision, revision.dependsOn(), inputIndex, inputLabels);
		}
		int[] order = topologicalOrder(input, inParents, inDeps);
		int[] position = new int[n];
		Revision[] revisions = new Revision[n];
		for (int p = 0; p < n; p++) {
			position[order[p]] = p;
			revisions[p] = input.get(order[p]);
		}
		Map<String, Integer> byId = new HashMap<>(n * 2);
		for (int p = 0; p < n; p++) {
			byId.put(revisions[p].id(), p);
		}
		Map<String, Integer> byLabel = new HashMap<>();
		inputLabels.forEach((label, i) -> byLabel.put(label, position[i]));
		int[][] parents = new int[n][];
		int[][] deps = new int[n][];
		for (int p = 0; p < n; p++) {
			parents[p] = Edges.remap(inParents[order[p]], position);
			deps[p] = Edges.remap(inDeps[order[p]], position);
		}
		int[][] children = Edges.invert(parents, n);
		int[][] next = Edges.union(children, Edges.invert(deps, n));
		int[][] down = normalizedDown(parents, deps, n);
		Dag dag = new Dag(revisions, Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byLabel), parents,
				deps, down, children, next, new ArrayList<>());
		propagateLabels(dag);
		return dag;
	}

	private static void checkId(Revision revision) {
		String id = revision.id();
		if (!isValid(id, false)) {
			throw InvalidRevisionIdException.revision(id, revision.location());
		}
		if (revision.revises().contains(id) || revision.dependsOn().contains(id)) {
			throw new RevisionCycleException("Revision " + id + " in " + revision.location() + " "
					+ (revision.revises().contains(id) ? "revises" : "depends on") + " itself; remove '" + id
					+ "' from its '" + (revision.revises().contains(id) ? "revises" : "depends-on") + "' header",
					List.of(id), List.of(revision.location()));
		}
		for (String label : revision.branchLabels()) {
			if (!isValid(label, true) || label.startsWith("-")) {
				throw InvalidRevisionIdException.branchLabel(label, id, revision.location());
			}
		}
	}

	static boolean isValid(String name, boolean label) {
		if (name.isEmpty()) {
			return false;
		}
		for (int k = 0; k < name.length(); k++) {
			char c = name.charAt(k);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| (label && (c == '.' || c == '-'));
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static Map<String, Integer> labels(List<Revision> input, Map<String, Integer> index) {
		Map<String, Integer> labels = new HashMap<>();
		for (int i = 0; i < input.size(); i++) {
			Revision revision = input.get(i);
			for (String label : new LinkedHashSet<>(revision.branchLabels())) {
				Integer sameId = index.get(label);
				if (sameId != null) {
					throw DuplicateBranchLabelException.equalsRevisionId(label, revision.id(), revision.location(),
							input.get(sameId).location());
				}
				Integer previous = labels.putIfAbsent(label, i);
				if (previous != null) {
					Revision first = input.get(previous);
					throw DuplicateBranchLabelException.usedTwice(label, first.id(), first.location(), revision.id(),
							revision.location());
				}
			}
		}
		return labels;
	}

	private static int[] references(Revision revision, List<String> names, Map<String, Integer> index,
			Map<String, Integer> labels) {
		if (names.isEmpty()) {
			return NONE;
		}
		// a handful of names: an array with a linear duplicate check beats a boxed set
		// and a stream, once per revision
		int[] result = new int[names.size()];
		int count = 0;
		for (String name : names) {
			Integer target = index.get(name);
			if (target == null && labels != null) {
				target = labels.get(name);
			}
			if (target == null) {
				if (labels != null) {
					throw new UnknownDependencyException(revision.id(), revision.location(), name);
				}
				throw new MissingParentException(revision.id(), revision.location(), name, false);
			}
			if (!Edges.contains(result, count, target)) {
				result[count++] = target;
			}
		}
		return (count == result.length) ? result : Arrays.copyOf(result, count);
	}

	/** Kahn's algorithm, smallest id first among the ready revisions. */
	private static int[] topologicalOrder(List<Revision> input, int[][] parents, int[][] deps) {
		int n = input.size();
		int[] pending = new int[n];
		// A dependency may repeat a parent: count each predecessor once.
		int[][] predecessors = Edges.union(parents, deps);
		int[][] successors = Edges.invert(predecessors, n);
		PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> input.get(a).id().compareTo(input.get(b).id()));
		for (int i = 0; i < n; i++) {
			pending[i] = predecessors[i].length;
			if (pending[i] == 0) {
				ready.add(i);
			}
		}
		int[] order = new int[n];
		int count = 0;
		while (!ready.isEmpty()) {
			int i = ready.poll();
			order[count++] = i;
			for (int s : successors[i]) {
				if (--pending[s] == 0) {
					ready.add(s);
				}
			}
		}
		if (count < n) {
			throw cycle(input, parents, deps, pending);
		}
		return order;
	}

	/**
	 * Every revision left over by Kahn's algorithm has a left-over parent or dependency,
	 * so following those from any of them must come back to one already seen.
	 */
	private static RevisionCycleException cycle(List<Revision> input, int[][] parents, int[][] deps, int[] pending) {
		int start = -1;
		for (int i = 0; i < pending.length; i++) {
			if (pending[i] > 0 && (start < 0 || input.get(i).id().compareTo(input.get(start).id()) < 0)) {
				start = i;
			}
		}
		Map<Integer, Integer> seenAt = new HashMap<>();
		List<Integer> path = new ArrayList<>();
		List<Boolean> viaDependency = new ArrayList<>();
		int current = start;
		while (!seenAt.containsKey(current)) {
			seenAt.put(current, path.size());
			path.add(current);
			int nextParent = firstPending(parents[current], pending);
			if (nextParent >= 0) {
				viaDependency.add(false);
				current = nextParent;
			}
			else {
				viaDependency.add(true);
				current = firstPending(deps[current], pending);
			}
		}
		List<Integer> loop = path.subList(seenAt.get(current), path.size());
		List<Boolean> edges = viaDependency.subList(seenAt.get(current), path.size());
		// Rotate so the message starts at the smallest id: stable text for the same
		// cycle.
		int min = 0;
		for (int k = 1; k < loop.size(); k++) {
			if (input.get(loop.get(k)).id().compareTo(input.get(loop.get(min)).id()) < 0) {
				min = k;
			}
		}
		List<Integer> cycle = new ArrayList<>(loop);
		List<Boolean> cycleEdges = new ArrayList<>(edges);
		Collections.rotate(cycle, -min);
		Collections.rotate(cycleEdges, -min);
		List<String> ids = new ArrayList<>();
		List<String> locations = new ArrayList<>();
		StringBuilder text = new StringBuilder("Revisions form a cycle: ");
		for (int k = 0; k < cycle.size(); k++) {
			Revision revision = input.get(cycle.get(k));
			ids.add(revision.id());
			locations.add(revision.location());
			text.append(revision.id()).append(" (").append(revision.location()).append(')');
			text.append(cycleEdges.get(k) ? " depends on " : " revises ");
		}
		Revision first = input.get(cycle.get(0));
		text.append(first.id()).append(" (").append(first.location()).append(")");
		text.append(". A revision cannot be its own ancestor: correct the 'revises' or 'depends-on' header of one "
				+ "of these files.");
		return new RevisionCycleException(text.toString(), ids, locations);
	}

	private static int firstPending(int[] candidates, int[] pending) {
		for (int c : candidates) {
			if (pending[c] > 0) {
				return c;
			}
		}
		return -1;
	}

	/**
	 * Parents plus the dependencies no versioned ancestor declares too (Alembic's
	 * normalised down revisions): a dependency an ancestor already brought in does not
	 * move the version table again.
	 */
	private static int[][] normalizedDown(int[][] parents, int[][] deps, int n) {
		int[][] down = new int[n][];
		for (int i = 0; i < n; i++) {
			if (deps[i].length == 0) {
				down[i] = parents[i];
				continue;
			}
			Set<Integer> result = new LinkedHashSet<>();
			for (int p : parents[i]) {
				result.add(p);
			}
			{
				Set<Integer> own = new LinkedHashSet<>();
				for (int d : deps[i]) {
					own.add(d);
				}
				BitSet seen = new BitSet(n);
				List<Integer> stack = new ArrayList<>();
				for (int p : parents[i]) {
					stack.add(p);
				}
				while (!stack.isEmpty() && !own.isEmpty()) {
					int a = stack.remove(stack.size() - 1);
					if (seen.get(a)) {
						continue;
					}
					seen.set(a);
					for (int d : deps[a]) {
						own.remove(d);
					}
					for (int p : parents[a]) {
						stack.add(p);
					}
				}
				result.addAll(own);
			}
			down[i] = result.stream().mapToInt(Integer::intValue).toArray();
		}
		return down;
	}

	/**
	 * A label applies to its revision, every versioned descendant, and the ancestors down
	 * to the preceding branch point or merge point, as Alembic shows it.
	 */
	private static void propagateLabels(Dag dag) {
		int n = dag.size();
		List<Set<String>> labels = dag.labels;
		for (int i = 0; i < n; i++) {
			labels.add(Set.of());
		}
		boolean any = false;
		for (int i = 0; i < n; i++) {
			List<String> declared = dag.revisions[i].branchLabels();
			if (declared.isEmpty()) {
				continue;
			}
			any = true;
			BitSet descendants = dag.descendants(i, false);
			for (int d = descendants.nextSetBit(0); d >= 0; d = descendants.nextSetBit(d + 1)) {
				addLabels(labels, d, declared);
			}
			int p = i;
			while (dag.next[p].length <= 1 && dag.parents[p].length == 1) {
				p = dag.parents[p][0];
				if (dag.next[p].length > 1 || dag.parents[p].length > 1) {
					break;
				}
				addLabels(labels, p, declared);
			}
		}
		if (any) {
			for (int i = 0; i < n; i++) {
				labels.set(i, Collections.unmodifiableSet(labels.get(i)));
			}
		}
	}

	private static void addLabels(List<Set<String>> labels, int index, List<String> declared) {
		Set<String> set = labels.get(index);
		if (!(set instanceof TreeSet)) {
			set = new TreeSet<>();
			labels.set(index, set);
		}
		set.addAll(declared);
	}

}
