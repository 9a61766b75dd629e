package dev.migration.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migration.Revision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases of Alembic's {@code tests/test_version_traversal.py}, rebuilt in memory: the
 * steps run and the version-table rows left after them.
 */
class AlembicTraversalTests {

	private static final List<String> NONE = List.of();

	private static Revision labelled(String id, String label, String... revises) {
		return new Revision(id, "", List.of(revises), NONE, List.of(label), null, true, Revision.Kind.SQL, id + ".sql",
				null, null);
	}

	/** a - b - c1 (c1branch) - d1, and b - c2 (c2branch) - d2. */
	private static final RevisionGraph BRANCHED = RevisionGraph
		.of(List.of(Revision.of("a"), Revision.of("b", "a"), labelled("c1", "c1branch", "b"), Revision.of("d1", "c1"),
				labelled("c2", "c2branch", "b"), Revision.of("d2", "c2")));

	/** a1-b1-c1 and a2-b2-c2 merge into d1; c2 goes on to d2. */
	private static final RevisionGraph FROM_MERGEPOINT = RevisionGraph.of(List.of(Revision.of("a1"),
			Revision.of("b1", "a1"), Revision.of("c1", "b1"), Revision.of("a2"), Revision.of("b2", "a2"),
			Revision.of("c2", "b2"), Revision.of("d1", "c1", "c2"), Revision.of("d2", "c2")));

	/** Three lines merge into d1; c2 and c3 go on to d2 and d3. */
	private static final RevisionGraph FROM_3WAY_MERGEPOINT = RevisionGraph.of(List.of(Revision.of("a1"),
			Revision.of("b1", "a1"), Revision.of("c1", "b1"), Revision.of("a2"), Revision.of("b2", "a2"),
			Revision.of("c2", "b2"), Revision.of("a3"), Revision.of("b3", "a3"), Revision.of("c3", "b3"),
			Revision.of("d1", "c1", "c2", "c3"), Revision.of("d2", "c2"), Revision.of("d3", "c3")));

	private static void assertUpgrade(RevisionGraph graph, String target, List<String> current, List<String> expected,
			Set<String> expectedRows) {
		assertPlan(graph.planUpgrade(current, target), current, expected, expectedRows);
	}

	private static void assertDowngrade(RevisionGraph graph, String target, List<String> current, List<String> expected,
			Set<String> expectedRows) {
		assertPlan(graph.planDowngrade(current, target), current, expected, expectedRows);
	}

	private static void assertPlan(MigrationPlan plan, List<String> current, List<String> expected,
			Set<String> expectedRows) {
		VersionTable table = new VersionTable(current.toArray(String[]::new));
		assertThat(VersionTable.ids(plan)).containsExactlyElementsOf(expected);
		table.apply(plan);
		assertThat(table.rows()).containsExactlyInAnyOrderElementsOf(expectedRows);
	}

	private static List<String> stamp(RevisionGraph graph, String target, List<String> current) {
		VersionTable table = new VersionTable(current.toArray(String[]::new));
		table.apply(graph.planStamp(current, List.of(target), false));
		return table.drain();
	}

	@Test
	void stampDownAcrossBranchesToTheBranchPointDeletesOneRowAndUpdatesTheOther() {
		assertThat(stamp(BRANCHED, "b", List.of("d1", "c2"))).containsExactly("DELETE d1", "UPDATE c2 -> b");
	}

	@Test
	void stampLabelAtBaseDeletesOnlyThatBranchRow() {
		assertThat(stamp(BRANCHED, "c1branch@base", List.of("d1", "c2"))).containsExactly("DELETE d1");
	}

	@Test
	void stampLabelAtHeadMovesOnlyThatBranchRow() {
		assertThat(stamp(BRANCHED, "c2branch@head", List.of("d1", "c2"))).containsExactly("UPDATE c2 -> d2");
	}

	@Test
	void upgradeSingleBranch() {
		assertUpgrade(BRANCHED, "d1", List.of("b"), List.of("c1", "d1"), Set.of("d1"));
	}

	@Test
	void upgradeFromOneHeadToTwo() {
		assertUpgrade(BRANCHED, "heads", List.of("a"), List.of("b", "c2", "d2", "c1", "d1"), Set.of("d1", "d2"));
	}

	@Test
	void downgradeTwoBranchesToTheirCommonAncestor() {
		assertDowngrade(BRANCHED, "a", List.of("d1", "d2"), List.of("d1", "c1", "d2", "c2", "b"), Set.of("a"));
	}

	@Test
	void upgradeToLabelAtHeadMinusOne() {
		assertUpgrade(BRANCHED, "c2branch@head-1", List.of("b"), List.of("c2"), Set.of("c2"));
	}

	@Test
	void downgradeToBasePlusTwoDropsEverythingAboveIt() {
		assertDowngrade(BRANCHED, "base+2", List.of("d2", "d1"), List.of("d1", "c1", "d2", "c2"), Set.of("b"));
	}

	@Test
	void downgradeToLabelAtBasePlusTwoDropsOnlyThatBranch() {
		assertDowngrade(BRANCHED, "c2branch@base+2", List.of("d2", "d1"), List.of("d2", "c2"), Set.of("d1"));
		assertDowngrade(BRANCHED, "c2branch@base+3", List.of("d2", "d1"), List.of("d2"), Set.of("d1", "c2"));
		assertDowngrade(BRANCHED, "c2", List.of("d2", "d1"), List.of("d2"), Set.of("d1", "c2"));
	}

	@Test
	void downgradeLabelMinusOneFromTwoHeads() {
		assertDowngrade(BRANCHED, "c1branch@-1", List.of("d1", "d2"), List.of("d1"), Set.of("c1", "d2"));
		assertDowngrade(BRANCHED, "d2@-1", List.of("d1", "d2"), List.of("d2"), Set.of("d1", "c2"));
	}

	@Test
	void downgradeRevisionMinusOne() {
		assertDowngrade(BRANCHED, "d2-1", List.of("d2", "c1"), List.of("d2"), Set.of("c1", "c2"));
		assertDowngrade(BRANCHED, "d2-1", List.of("c1", "d2"), List.of("d2"), Set.of("c1", "c2"));
	}

	@Test
	void downgradeOneBranchNamedByLabelOrRevision() {
		assertDowngrade(BRANCHED, "c1branch@b", List.of("c1", "d2"), List.of("c1"), Set.of("d2"));
		assertDowngrade(BRANCHED, "c2branch@b", List.of("c1", "d2"), List.of("d2", "c2"), Set.of("c1"));
		assertDowngrade(BRANCHED, "c2@b", List.of("d1", "d2"), List.of("d2", "c2"), Set.of("d1"));
		assertDowngrade(BRANCHED, "d1@b", List.of("d1", "d2"), List.of("d1", "c1"), Set.of("d2"));
		assertDowngrade(BRANCHED, "c1branch@head-1", List.of("d1", "d2"), List.of("d1"), Set.of("c1", "d2"));
	}

	@Test
	void upgradeLabelPlusOneFromAnotherBranch() {
		assertUpgrade(BRANCHED, "c2branch@+1", List.of("c1"), List.of("c2"), Set.of("c1", "c2"));
		assertUpgrade(BRANCHED, "c2branch@+1", List.of("c1", "c2"), List.of("d2"), Set.of("c1", "d2"));
	}

	@Test
	void upgradeAndDowngradeOneStepFromAndToBase() {
		assertUpgrade(BRANCHED, "base+1", NONE, List.of("a"), Set.of("a"));
		assertUpgrade(BRANCHED, "+1", NONE, List.of("a"), Set.of("a"));
		assertDowngrade(BRANCHED, "-1", List.of("a"), List.of("a"), Set.of());
	}

	@Test
	void downgradeToACurrentHeadDoesNothing() {
		assertDowngrade(BRANCHED, "c2", List.of("d1", "c2"), NONE, Set.of("d1", "c2"));
		assertDowngrade(BRANCHED, "d1", List.of("d1", "c2"), NONE, Set.of("d1", "c2"));
	}

	@Test
	void mergepointToOnlyOneSide() {
		assertUpgrade(FROM_MERGEPOINT, "d1", List.of("d2", "b1"), List.of("c1", "d1"), Set.of("d2", "d1"));
		assertDowngrade(FROM_MERGEPOINT, "b1", List.of("d2", "d1"), List.of("d1", "c1"), Set.of("d2", "b1"));
	}

	@Test
	void threeWayMergepointToOnlyOneSide() {
		assertUpgrade(FROM_3WAY_MERGEPOINT, "d1", List.of("d3", "d2", "b1"), List.of("c1", "d1"),
				Set.of("d3", "d2", "d1"));
		assertDowngrade(FROM_3WAY_MERGEPOINT, "b1", List.of("d3", "d2", "d1"), List.of("d1", "c1"),
				Set.of("d3", "d2", "b1"));
	}

	@Test
	void threeWayMergepointToTwoSidesThenBreakingOutAgain() {
		assertUpgrade(FROM_3WAY_MERGEPOINT, "d1", List.of("d3", "b2", "b1"), List.of("c2", "c1", "d1"),
				Set.of("d3", "d1"));
		assertUpgrade(FROM_3WAY_MERGEPOINT, "d2", List.of("d3", "d1"), List.of("d2"), Set.of("d3", "d2", "d1"));
	}

}
