package dev.migration.benchmarks.jmh;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import dev.migration.Revision;
import dev.migration.graph.MigrationPlan;
import dev.migration.graph.RevisionGraph;

/**
 * Graph build and resolution of 10,000 revisions in memory: {@link RevisionGraph#of}
 * (validation, cycle check, topological order) and an upgrade plan from empty to
 * {@code heads}, on a straight line and on 10 branches merged.
 */
public class GraphBenchmark extends JmhDefaults {

	@Param({ "10000" })
	public int revisions;

	@Param({ "1", "10" })
	public int branches;

	private List<Revision> list;

	@Setup
	public void setUp() {
		this.list = revisions(this.revisions, this.branches);
	}

	@Benchmark
	public MigrationPlan loadAndResolve() {
		return RevisionGraph.of(this.list).planUpgrade(List.of(), "heads");
	}

	/**
	 * A base, {@code branches} branches of equal length, and a merge point when there is
	 * more than one branch.
	 * @param n the number of revisions
	 * @param branches the number of branches
	 * @return the revisions
	 */
	public static List<Revision> revisions(int n, int branches) {
		List<Revision> list = new ArrayList<>(n);
		list.add(Revision.of(id(0)));
		int body = (branches > 1) ? n - 2 : n - 1;
		int next = 1;
		List<String> heads = new ArrayList<>();
		for (int b = 0; b < branches; b++) {
			String parent = id(0);
			int length = body / branches + ((b < body % branches) ? 1 : 0);
			for (int k = 0; k < length; k++) {
				list.add(Revision.of(id(next), parent));
				parent = id(next++);
			}
			heads.add(parent);
		}
		if (branches > 1) {
			list.add(Revision.of(id(next), heads.toArray(String[]::new)));
		}
		return list;
	}

	private static String id(int i) {
		return String.format("%012x", (i * 0x9E3779B97F4A7C15L) & 0xFFFF_FFFF_FFFFL);
	}

}
