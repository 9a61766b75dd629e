package dev.migration.graph;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Adjacency arrays ({@code edges[node]} lists the nodes it points at) and the few
 * operations the graph builder needs on them.
 */
final class Edges {

	private static final int[] NONE = {};

	private Edges() {
	}

	/** Whether the first {@code count} values hold {@code value}. */
	static boolean contains(int[] values, int count, int value) {
		for (int i = 0; i < count; i++) {
			if (values[i] == value) {
				return true;
			}
		}
		return false;
	}

	/** Indexes translated through {@code position}. */
	static int[] remap(int[] indexes, int[] position) {
		if (indexes.length == 0) {
			return NONE;
		}
		int[] result = new int[indexes.length];
		for (int k = 0; k < indexes.length; k++) {
			result[k] = position[indexes[k]];
		}
		return result;
	}

	/** The reverse edges: for each node, the nodes whose edges point at it. */
	static int[][] invert(int[][] edges, int n) {
		int[] counts = new int[n];
		for (int[] e : edges) {
			for (int t : e) {
				counts[t]++;
			}
		}
		int[][] result = new int[n][];
		for (int i = 0; i < n; i++) {
			result[i] = new int[counts[i]];
			counts[i] = 0;
		}
		for (int i = 0; i < n; i++) {
			for (int t : edges[i]) {
				result[t][counts[t]++] = i;
			}
		}
		return result;
	}

	/** Per node, the edges of both, each once, {@code a}'s first. */
	static int[][] union(int[][] a, int[][] b) {
		int[][] result = new int[a.length][];
		for (int i = 0; i < a.length; i++) {
			if (b[i].length == 0 || a[i].length == 0) {
				result[i] = (b[i].length == 0) ? a[i] : b[i];
				continue;
			}
			Set<Integer> set = new LinkedHashSet<>();
			for (int x : a[i]) {
				set.add(x);
			}
			for (int x : b[i]) {
				set.add(x);
			}
			result[i] = set.stream().mapToInt(Integer::intValue).toArray();
		}
		return result;
	}

}
