package dev.migration.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import dev.migration.Revision;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionGraphProperties {

	/**
	 * A random DAG: each revision revises 0-3 earlier ones and may depend on one more.
	 */
	static List<Revision> randomDag(long seed, int size) {
		Random random = new Random(seed);
		List<Revision> revisions = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			Set<String> parents = new TreeSet<>();
			List<String> dependsOn = new ArrayList<>();
			if (i > 0) {
				int count = (random.nextInt(4) == 0) ? 0 : 1 + random.nextInt(random.nextInt(5) == 0 ? 3 : 1);
				for (int k = 0; k < count; k++) {
					parents.add(id(random.nextInt(i)));
				}
				if (random.nextInt(4) == 0) {
					// Sometimes repeats a parent: that must stay one edge.
					dependsOn.add(id(random.nextInt(i)));
				}
			}
			revisions.add(new Revision(id(i), "", List.copyOf(parents), dependsOn, List.of(), null, true,
					Revision.Kind.SQL, id(i) + ".sql", null, null));
		}
		// Input order must not matter.
		java.util.Collections.shuffle(revisions, random);
		return revisions;
	}

	private static String id(int i) {
		return String.format("rev%04d", i);
	}

	@Property(tries = 300)
	void upgradeFromBaseAppliesEachRevisionOnceAfterItsParentsAndDowngradeEmptiesTheTable(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 40) int size) {
		List<Revision> revisions = randomDag(seed, size);
		RevisionGraph graph = RevisionGraph.of(revisions);
		VersionTable table = new VersionTable();
		MigrationPlan up = graph.planUpgrade(table.current(), "heads");
		List<String> order = VersionTable.ids(up);
		assertThat(order).doesNotHaveDuplicates().hasSize(size);
		assertParentsOrdered(revisions, order, false);
		table.apply(up);
		assertThat(table.rows())
			.containsExactlyInAnyOrderElementsOf(graph.versionTableHeads().stream().map(Revision::id).toList());

		MigrationPlan down = graph.planDowngrade(table.current(), "base");
		List<String> downOrder = VersionTable.ids(down);
		assertThat(new HashSet<>(downOrder)).hasSize(size);
		assertThat(downOrder).hasSize(size);
		assertParentsOrdered(revisions, downOrder, true);
		table.apply(down);
		assertThat(table.rows()).isEmpty();
	}

	@Property(tries = 200)
	void upgradingOneHeadAtATimeEndsAtTheSameTable(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int size) {
		RevisionGraph graph = RevisionGraph.of(randomDag(seed, size));
		VersionTable table = new VersionTable();
		Set<String> applied = new HashSet<>();
		for (Revision head : graph.versionTableHeads()) {
			MigrationPlan plan = graph.planUpgrade(table.current(), head.id());
			for (MigrationStep step : plan.steps()) {
				assertThat(applied.add(step.revision().id())).as("%s applied once", step.revision().id()).isTrue();
			}
			table.apply(plan);
		}
		assertThat(applied).hasSize(size);
		assertThat(table.rows())
			.containsExactlyInAnyOrderElementsOf(graph.versionTableHeads().stream().map(Revision::id).toList());
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> result = new ArrayList<>(a);
		result.addAll(b);
		return result;
	}

	/**
	 * Checks that the parents and dependencies of each revision come before it in an
	 * upgrade's order, after it in a downgrade's.
	 */
	private static void assertParentsOrdered(List<Revision> revisions, List<String> order, boolean downgrade) {
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			position.put(order.get(i), i);
		}
		for (Revision revision : revisions) {
			for (String parent : concat(revision.revises(), revision.dependsOn())) {
				if (downgrade) {
					assertThat(position.get(parent)).as("%s after %s", parent, revision.id())
						.isGreaterThan(position.get(revision.id()));
				}
				else {
					assertThat(position.get(parent)).as("%s before %s", parent, revision.id())
						.isLessThan(position.get(revision.id()));
				}
			}
		}
	}

}
