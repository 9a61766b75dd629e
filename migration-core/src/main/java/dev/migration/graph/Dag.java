package dev.migration.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migration.Revision;

/**
 * The validated graph as index arrays. Index {@code i} is the i-th revision in
 * topological order (bases first, ties by id), so a parent always has a smaller index
 * than its children. Traversals are iterative: a 10,000-revision chain must not need a
 * deep stack.
 */
final class Dag {

	final Revision[] revisions;

	final Map<String, Integer> byId;

	/** Label to the index of the revision that declares it. */
	final Map<String, Integer> byLabel;

	/** Versioned parents ({@code revises}) in declared order. */
	final int[][] parents;

	/** Resolved {@code depends-on}, declared order, without duplicates. */
	final int[][] deps;

	/**
	 * Parents then the dependencies that no versioned ancestor already declares: the
	 * "down revisions" the version table moves from, as Alembic normalises them.
	 */
	final int[][] down;

	/** Versioned children. */
	final int[][] children;

	/** Children and dependents. */
	final int[][] next;

	/** Labels declared here or inherited along the branch, sorted. */
	final List<Set<String>> labels;

	Dag(Revision[] revisions, Map<String, Integer> byId, Map<String, Integer> byLabel, int[][] parents, int[][] deps,
			int[][] down, int[][] children, int[][] next, List<Set<String>> labels) {
		this.revisions = revisions;
		this.byId = byId;
		this.byLabel = byLabel;
		this.parents = parents;
		this.deps = deps;
		this.down = down;
		this.children = children;
		this.next = next;
		this.labels = labels;
	}

	int size() {
		return this.revisions.length;
	}

	String id(int i) {
		return this.revisions[i].id();
	}

	List<String> ids(Collection<Integer> indexes) {
		List<String> result = new ArrayList<>(indexes.size());
		for (int i : indexes) {
			result.add(id(i));
		}
		return result;
	}

	List<String> ids(BitSet set) {
		List<String> result = new ArrayList<>(set.cardinality());
		for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
			result.add(id(i));
		}
		return result;
	}

	/** Inclusive ancestors through parents and, when asked, dependencies. */
	BitSet ancestors(Collection<Integer> starts, boolean includeDeps) {
		return walk(starts, this.parents, includeDeps ? this.deps : null);
	}

	BitSet ancestors(int start, boolean includeDeps) {
		return ancestors(List.of(start), includeDeps);
	}

	/** Inclusive descendants through children and, when asked, dependents. */
	BitSet descendants(Collection<Integer> starts, boolean includeDeps) {
		return walk(starts, includeDeps ? this.next : this.children, null);
	}

	BitSet descendants(int start, boolean includeDeps) {
		return descendants(List.of(start), includeDeps);
	}

	private BitSet walk(Collection<Integer> starts, int[][] edges, int[][] extra) {
		BitSet seen = new BitSet(size());
		int[] stack = new int[size() + 1];
		int top = 0;
		for (int s : starts) {
			if (!seen.get(s)) {
				seen.set(s);
				stack[top++] = s;
			}
		}
		while (top > 0) {
			int current = stack[--top];
			for (int n : edges[current]) {
				if (!seen.get(n)) {
					seen.set(n);
					stack[top++] = n;
				}
			}
			if (extra != null) {
				for (int n : extra[current]) {
					if (!seen.get(n)) {
						seen.set(n);
						stack[top++] = n;
					}
				}
			}
		}
		return seen;
	}

	/**
	 * Revisions related to {@code of} (ancestors or descendants, inclusive): Alembic's
	 * "shares lineage".
	 */
	BitSet lineage(int of, boolean includeDeps) {
		BitSet result = ancestors(of, includeDeps);
		result.or(descendants(of, includeDeps));
		return result;
	}

	List<Integer> versionedHeads() {
		return without(this.children);
	}

	/** Revisions nothing revises or depends on: the version table rows at the top. */
	List<Integer> realHeads() {
		return without(this.next);
	}

	List<Integer> bases() {
		return without(this.parents);
	}

	/** The revisions that have no edge in {@code edges}, in index order. */
	private List<Integer> without(int[][] edges) {
		List<Integer> result = new ArrayList<>();
		for (int i = 0; i < size(); i++) {
			if (edges[i].length == 0) {
				result.add(i);
			}
		}
		return result;
	}

	static List<Integer> list(BitSet set) {
		List<Integer> result = new ArrayList<>(set.cardinality());
		for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
			result.add(i);
		}
		return result;
	}

}
