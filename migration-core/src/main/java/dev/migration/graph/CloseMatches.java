package dev.migration.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Ids and labels close to a mistyped identifier: compared with the same number of leading
 * characters, so a prefix with one typo still finds its revision. Only computed on the
 * error path.
 */
final class CloseMatches {

	private CloseMatches() {
	}

	static List<String> of(String symbol, Dag dag) {
		TreeSet<String> result = new TreeSet<>();
		List<String> names = new ArrayList<>(dag.byId.keySet());
		names.addAll(dag.byLabel.keySet());
		for (String name : names) {
			String head = name.substring(0, Math.min(name.length(), symbol.length()));
			int limit = (symbol.length() <= 4) ? 1 : 2;
			if (distance(symbol, head) <= limit) {
				result.add(name);
			}
		}
		return new ArrayList<>(result).subList(0, Math.min(3, result.size()));
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] row = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			row[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = row;
			row = swap;
		}
		return previous[b.length()];
	}

}
