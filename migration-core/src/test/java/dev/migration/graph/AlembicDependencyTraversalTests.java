package dev.migration.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migration.Revision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More cases of Alembic's {@code tests/test_version_traversal.py}: merges, forests and
 * {@code depends-on}, with the version-table rows after each plan.
 */
class AlembicDependencyTraversalTests {

	private static final List<String> NONE = List.of();

	private static Revision rev(String id, List<String> revises, List<String> dependsOn, List<String> labels) {
		return new Revision(id, "", revises, dependsOn, labels, null, true, Revision.Kind.SQL, id + ".sql", null, null);
	}

	private static VersionTable upgrade(RevisionGraph graph, String target, List<String> current,
			List<String> expected) {
		MigrationPlan plan = graph.planUpgrade(current, target);
		assertThat(VersionTable.ids(plan)).containsExactlyElementsOf(expected);
		return new VersionTable(current.toArray(String[]::new)).apply(plan);
	}

	private static VersionTable downgrade(RevisionGraph graph, String target, List<String> current,
			List<String> expected) {
		MigrationPlan plan = graph.planDowngrade(current, target);
		assertThat(VersionTable.ids(plan)).containsExactlyElementsOf(expected);
		return new VersionTable(current.toArray(String[]::new)).apply(plan);
	}

	@Test
	void twinMergesFromTheSameBranches() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("a"), Revision.of("b1", "a"), Revision.of("b2", "a"),
				Revision.of("b3", "a"), Revision.of("c1", "b1", "b2", "b3"), Revision.of("c2", "b1", "b2", "b3"),
				Revision.of("d1", "c1"), Revision.of("d2", "c2")));
		VersionTable table = upgrade(graph, "heads", List.of("a"), List.of("b3", "b2", "b1", "c2", "d2", "c1", "d1"));
		assertThat(table.drain()).containsExactly("UPDATE a -> b3", "INSERT b2", "INSERT b1", "DELETE b1", "DELETE b2",
				"UPDATE b3 -> c2", "UPDATE c2 -> d2", "INSERT c1", "UPDATE c1 -> d1");
		assertThat(table.rows()).containsExactly("d1", "d2");
	}

	@Test
	void notQuiteTwinMerges() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("a"), Revision.of("b1", "a"), Revision.of("b2", "a"),
				Revision.of("b3", "a"), Revision.of("c1", "b1", "b2"), Revision.of("c2", "b2", "b3"),
				Revision.of("d1", "c1"), Revision.of("d2", "c2")));
		VersionTable table = upgrade(graph, "heads", List.of("a"), List.of("b2", "b3", "c2", "d2", "b1", "c1", "d1"));
		assertThat(table.drain()).containsExactly("UPDATE a -> b2", "INSERT b3", "DELETE b2", "UPDATE b3 -> c2",
				"UPDATE c2 -> d2", "INSERT b1", "UPDATE b1 -> c1", "UPDATE c1 -> d1");
		assertThat(table.rows()).containsExactly("d1", "d2");
	}

	private static final RevisionGraph DEPENDS_ONE = RevisionGraph
		.of(List.of(rev("a1", NONE, NONE, List.of("lib1")), Revision.of("b1", "a1"), Revision.of("c1", "b1"),
				Revision.of("a2"), Revision.of("b2", "a2"), rev("c2", List.of("b2"), List.of("c1"), NONE),
				Revision.of("d1", "c1"), Revision.of("e1", "d1"), Revision.of("f1", "e1")));

	@Test
	void downgradeToADependencyKeepsItImpliedByTheDependent() {
		VersionTable table = downgrade(DEPENDS_ONE, "c1", List.of("c2", "d1"), List.of("d1"));
		assertThat(table.drain()).containsExactly("DELETE d1");
		assertThat(table.rows()).containsExactly("c2");
	}

	@Test
	void stampAcrossADependency() {
		VersionTable table = new VersionTable("e1", "c2");
		table.apply(DEPENDS_ONE.planStamp(List.of("e1", "c2"), List.of("b1"), false));
		assertThat(table.drain()).containsExactly("DELETE e1", "UPDATE c2 -> b1");
	}

	@Test
	void crossDependenciesBetweenMerges() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("a1"), Revision.of("a2"), Revision.of("a3"),
				Revision.of("amerge", "a1", "a2", "a3"), Revision.of("b1"), Revision.of("b2"),
				Revision.of("bmerge", "b1", "b2"), Revision.of("c1"), Revision.of("c2"), Revision.of("c3"),
				Revision.of("cmerge", "c1", "c2", "c3"), rev("d1", NONE, List.of("a3", "b2", "c1"), NONE)));
		VersionTable table = downgrade(graph, "b2", List.of("amerge", "bmerge", "cmerge", "d1"), List.of("bmerge"));
		assertThat(table.rows()).containsExactly("amerge", "b1", "cmerge", "d1");
		table = downgrade(graph, "d1@base", List.of("amerge", "d1", "b1", "cmerge"), List.of("d1"));
		assertThat(table.drain()).containsExactly("UPDATE d1 -> b2");
		assertThat(table.rows()).containsExactly("amerge", "b1", "b2", "cmerge");
		MigrationPlan plan = graph.planDowngrade(List.of("amerge", "b1", "b2", "cmerge"), "base");
		assertThat(VersionTable.ids(plan)).containsExactlyInAnyOrder("amerge", "a1", "a2", "a3", "b1", "b2", "cmerge",
				"c1", "c2", "c3");
		assertThat(new VersionTable("amerge", "b1", "b2", "cmerge").apply(plan).rows()).isEmpty();
	}

	@Test
	void downgradeOverACrissCrossRemovesHalfAMergePoint() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("a1"), Revision.of("a2", "a1"), Revision.of("b1"),
				rev("b2", List.of("b1"), List.of("a2"), NONE), Revision.of("b3", "b2"),
				rev("a3", List.of("a2"), List.of("b1"), NONE)));
		assertThat(downgrade(graph, "b1", List.of("a3", "b2"), List.of("b2")).rows()).containsExactly("a3");
	}

	@Test
	void dependencyOnOwnParentIsOneEdge() {
		RevisionGraph graph = RevisionGraph
			.of(List.of(Revision.of("a1"), rev("a2", List.of("a1"), List.of("a1"), NONE)));
		assertThat(upgrade(graph, "a2", NONE, List.of("a1", "a2")).rows()).containsExactly("a2");
		assertThat(downgrade(graph, "a1", List.of("a2"), List.of("a2")).rows()).containsExactly("a1");
	}

	@Test
	void dependenciesAreNormalized() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("a1"), Revision.of("a2", "a1"),
				Revision.of("a3", "a2"), Revision.of("b1"), rev("b2", List.of("b1"), List.of("a3"), NONE),
				Revision.of("b3", "b2"), rev("b4", List.of("b3"), List.of("a3"), NONE)));
		assertThat(downgrade(graph, "b3", List.of("b4"), List.of("b4")).rows()).containsExactly("b3");
	}

	@Test
	void mergeOfARevisionAndItsDependent() {
		RevisionGraph graph = RevisionGraph
			.of(List.of(Revision.of("a1"), rev("b1", NONE, List.of("a1"), NONE), Revision.of("bmerge", "a1", "b1")));
		assertThat(upgrade(graph, "b1", List.of("a1"), List.of("b1")).rows()).containsExactly("b1");
		assertThat(upgrade(graph, "bmerge", List.of("b1"), List.of("bmerge")).rows()).containsExactly("bmerge");
		assertThat(downgrade(graph, "a1", List.of("bmerge"), List.of("bmerge")).rows()).containsExactly("b1");
		assertThat(downgrade(graph, "b1", List.of("bmerge"), List.of("bmerge")).rows()).containsExactly("b1");
	}

	@Test
	void dependencyOnABranchLabel() {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a1", NONE, NONE, List.of("lib1")), Revision.of("b1", "a1"),
				rev("c1", List.of("b1"), NONE, List.of("c1lib")), Revision.of("a2"), Revision.of("b2", "a2"),
				rev("c2", List.of("b2"), List.of("c1lib"), NONE), Revision.of("d1", "c1")));
		assertThat(upgrade(graph, "c2", List.of("a2"), List.of("a1", "b1", "c1", "b2", "c2")).rows())
			.containsExactly("c2");
	}

	@Test
	void forestUpgradesEachTreeAsABlock() {
		RevisionGraph graph = RevisionGraph
			.of(List.of(Revision.of("a1"), Revision.of("b1", "a1"), Revision.of("a2"), Revision.of("b2", "a2")));
		assertThat(upgrade(graph, "heads", NONE, List.of("a2", "b2", "a1", "b1")).rows()).containsExactly("b1", "b2");
		assertThat(new VersionTable().apply(graph.planStamp(NONE, List.of("heads"), false)).rows())
			.containsExactly("b1", "b2");
		assertThat(graph.planStamp(List.of("b1", "b2"), List.of("heads"), false).isEmpty()).isTrue();
	}

	private static final RevisionGraph MERGED = RevisionGraph.of(List.of(Revision.of("a"), Revision.of("b", "a"),
			Revision.of("c1", "b"), Revision.of("d1", "c1"), rev("c2", List.of("b"), NONE, List.of("c2branch")),
			Revision.of("d2", "c2"), Revision.of("e", "d1", "d2"), Revision.of("f", "e")));

	private static List<String> stamp(String target, String... current) {
		VersionTable table = new VersionTable(current);
		table.apply(MERGED.planStamp(List.of(current), List.of(target), false));
		return table.drain();
	}

	@Test
	void stampAcrossAMergePoint() {
		assertThat(stamp("c2", "e")).containsExactly("UPDATE e -> c2");
		assertThat(stamp("a", "e")).containsExactly("UPDATE e -> a");
		assertThat(stamp("e", "c2")).containsExactly("UPDATE c2 -> e");
		assertThat(stamp("c2branch@head", "d1", "c2")).containsExactly("DELETE d1", "UPDATE c2 -> f");
		assertThat(stamp("e", "d1", "c2")).containsExactly("DELETE d1", "UPDATE c2 -> e");
		assertThat(stamp("e", "b")).containsExactly("UPDATE b -> e");
	}

	@Test
	void upgradeAndDowngradeAcrossAMergePoint() {
		VersionTable table = upgrade(MERGED, "f", List.of("b"), List.of("c2", "d2", "c1", "d1", "e", "f"));
		assertThat(table.drain()).containsExactly("UPDATE b -> c2", "UPDATE c2 -> d2", "INSERT c1", "UPDATE c1 -> d1",
				"DELETE d1", "UPDATE d2 -> e", "UPDATE e -> f");
		table = downgrade(MERGED, "b", List.of("f"), List.of("f", "e", "d1", "c1", "d2", "c2"));
		assertThat(table.drain()).containsExactly("UPDATE f -> e", "INSERT d1", "UPDATE e -> d2", "UPDATE d1 -> c1",
				"DELETE c1", "UPDATE d2 -> c2", "UPDATE c2 -> b");
		assertThat(table.rows()).containsExactly("b");
	}

	private static final RevisionGraph CROSS = RevisionGraph.of(List.of(Revision.of("a"), Revision.of("b", "a"),
			rev("c1", List.of("b"), NONE, List.of("c1branch")), Revision.of("d1", "c1"),
			rev("c2", List.of("b"), NONE, List.of("c2branch")), rev("d2", List.of("c2"), List.of("c1"), NONE)));

	@Test
	void downgradeIndependentBranchOfACrossDependency() {
		assertThat(downgrade(CROSS, "c2branch@b", List.of("d1", "d2"), List.of("d2", "c2")).rows())
			.containsExactly("d1");
	}

	@Test
	void downgradeBranchOthersDependOnTakesThemDownToo() {
		MigrationPlan plan = CROSS.planDowngrade(List.of("d1", "d2"), "c1branch@b");
		List<String> ids = VersionTable.ids(plan);
		assertThat(ids).containsExactlyInAnyOrder("c1", "d1", "d2");
		assertThat(ids.indexOf("d1")).isLessThan(ids.indexOf("c1"));
		assertThat(ids.indexOf("d2")).isLessThan(ids.indexOf("c1"));
		assertThat(new VersionTable("d1", "d2").apply(plan).rows()).containsExactly("c2");
	}

}
