package dev.migration.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.MultipleHeadsException;
import dev.migration.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The scenarios of Alembic's "Working with Branches" documentation, step by step, with
 * the version-table rows after each step.
 */
class AlembicBranchesDocTests {

	private static Revision rev(String id, List<String> revises, List<String> dependsOn, List<String> labels) {
		return new Revision(id, "", revises, dependsOn, labels, null, true, Revision.Kind.SQL,
				"versions/" + id + ".sql", null, null);
	}

	private static RevisionGraph branched() {
		return RevisionGraph.of(List.of(Revision.of("1975ea83b712"), Revision.of("ae1027a6acf", "1975ea83b712"),
				Revision.of("27c6a30d7c24", "1975ea83b712")));
	}

	private static RevisionGraph merged() {
		return RevisionGraph.of(List.of(Revision.of("1975ea83b712"), Revision.of("ae1027a6acf", "1975ea83b712"),
				Revision.of("27c6a30d7c24", "1975ea83b712"),
				Revision.of("53fffde5ad5", "ae1027a6acf", "27c6a30d7c24")));
	}

	@Test
	void upgradeHeadWithTwoHeadsFailsNamingThem() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> branched().planUpgrade(List.of(), "head"))
			.withMessage("'head' is ambiguous: there are 2 heads (27c6a30d7c24, ae1027a6acf); name a head, use "
					+ "'heads', or run 'merge'")
			.satisfies((ex) -> assertThat(ex.getHeads()).containsExactly("27c6a30d7c24", "ae1027a6acf"));
	}

	@Test
	void upgradeHeadThroughMergePointInsertsUpdatesThenDeletesOnMerge() {
		VersionTable table = new VersionTable();
		MigrationPlan plan = merged().planUpgrade(table.current(), "head");
		assertThat(VersionTable.ids(plan)).containsExactly("1975ea83b712", "27c6a30d7c24", "ae1027a6acf",
				"53fffde5ad5");
		table.apply(plan);
		assertThat(table.drain()).containsExactly("INSERT 1975ea83b712", "UPDATE 1975ea83b712 -> 27c6a30d7c24",
				"INSERT ae1027a6acf", "DELETE ae1027a6acf", "UPDATE 27c6a30d7c24 -> 53fffde5ad5");
		assertThat(table.rows()).containsExactly("53fffde5ad5");
	}

	@Test
	void upgradeHeadsThenDowngradeOneStepAtATime() {
		RevisionGraph graph = branched();
		VersionTable table = new VersionTable();
		table.applyInOrder(graph.planUpgrade(table.current(), "heads"), "1975ea83b712", "ae1027a6acf", "27c6a30d7c24");
		assertThat(table.drain()).containsExactly("INSERT 1975ea83b712", "UPDATE 1975ea83b712 -> ae1027a6acf",
				"INSERT 27c6a30d7c24");
		assertThat(table.rows()).containsExactly("27c6a30d7c24", "ae1027a6acf");

		// Alembic's "-1" picks the first row of the table; ours names the head.
		table.applyInOrder(graph.planDowngrade(table.current(), "ae1027a6acf@-1"), "ae1027a6acf");
		assertThat(table.drain()).containsExactly("DELETE ae1027a6acf");
		assertThat(table.rows()).containsExactly("27c6a30d7c24");

		table.apply(graph.planDowngrade(table.current(), "-1"));
		assertThat(table.drain()).containsExactly("UPDATE 27c6a30d7c24 -> 1975ea83b712");
		assertThat(table.rows()).containsExactly("1975ea83b712");

		table.apply(graph.planDowngrade(table.current(), "-1"));
		assertThat(table.drain()).containsExactly("DELETE 1975ea83b712");
		assertThat(table.rows()).isEmpty();
	}

	@Test
	void upgradeToOneBranchThenTheOther() {
		RevisionGraph graph = branched();
		VersionTable table = new VersionTable();
		MigrationPlan plan = table.applyInOrder(graph.planUpgrade(table.current(), "27c6a"), "1975ea83b712",
				"27c6a30d7c24");
		assertThat(table.rows()).containsExactly("27c6a30d7c24");
		plan = table.applyInOrder(graph.planUpgrade(table.current(), "ae102"), "ae1027a6acf");
		assertThat(table.drain()).containsExactly("INSERT 1975ea83b712", "UPDATE 1975ea83b712 -> 27c6a30d7c24",
				"INSERT ae1027a6acf");
		assertThat(table.rows()).containsExactly("27c6a30d7c24", "ae1027a6acf");
	}

	private static RevisionGraph labelled() {
		return RevisionGraph.of(List.of(rev("1975ea83b712", List.of(), List.of(), List.of()),
				rev("ae1027a6acf", List.of("1975ea83b712"), List.of(), List.of()),
				rev("27c6a30d7c24", List.of("1975ea83b712"), List.of(), List.of("shoppingcart")),
				rev("d747a8a8879", List.of("27c6a30d7c24"), List.of(), List.of())));
	}

	@Test
	void labelAtHeadUpgradesOnlyThatBranch() {
		RevisionGraph graph = labelled();
		VersionTable table = new VersionTable("1975ea83b712");
		table.applyInOrder(graph.planUpgrade(table.current(), "shoppingcart@head"), "27c6a30d7c24", "d747a8a8879");
		assertThat(table.rows()).containsExactly("d747a8a8879");
		assertThat(graph.resolve("shoppingcart", List.of())).containsExactly("27c6a30d7c24");
		assertThat(graph.labelsOf("d747a8a8879")).containsExactly("shoppingcart");
		assertThat(graph.labelsOf("1975ea83b712")).isEmpty();
	}

	@Test
	void historyOfALabelledBranch() {
		RevisionGraph graph = labelled();
		assertThat(ids(graph.history(null, List.of()))).containsExactly("ae1027a6acf", "d747a8a8879", "27c6a30d7c24",
				"1975ea83b712");
		assertThat(ids(graph.history(":shoppingcart@head", List.of()))).containsExactly("d747a8a8879", "27c6a30d7c24",
				"1975ea83b712");
		assertThat(ids(graph.history("shoppingcart:", List.of()))).containsExactly("d747a8a8879", "27c6a30d7c24");
	}

	private static RevisionGraph multipleBases() {
		return RevisionGraph.of(List.of(rev("1975ea83b712", List.of(), List.of(), List.of()),
				rev("ae1027a6acf", List.of("1975ea83b712"), List.of(), List.of()),
				rev("27c6a30d7c24", List.of("1975ea83b712"), List.of(), List.of("shoppingcart")),
				rev("d747a8a8879", List.of("27c6a30d7c24"), List.of(), List.of()),
				rev("55af2cb1c267", List.of("ae1027a6acf"), List.of(), List.of()),
				rev("3cac04ae8714", List.of(), List.of(), List.of("networking")),
				rev("109ec7d132bf", List.of("3cac04ae8714"), List.of(), List.of()),
				rev("29f859a13ea", List.of("109ec7d132bf"), List.of(), List.of())));
	}

	@Test
	void multipleBasesUpgradeOneBaseThenHeads() {
		RevisionGraph graph = multipleBases();
		VersionTable table = new VersionTable();
		MigrationPlan plan = table.applyInOrder(graph.planUpgrade(table.current(), "networking@head"), "3cac04ae8714",
				"109ec7d132bf", "29f859a13ea");
		assertThat(table.drain()).containsExactly("INSERT 3cac04ae8714", "UPDATE 3cac04ae8714 -> 109ec7d132bf",
				"UPDATE 109ec7d132bf -> 29f859a13ea");
		plan = table.applyInOrder(graph.planUpgrade(table.current(), "heads"), "1975ea83b712", "27c6a30d7c24",
				"d747a8a8879", "ae1027a6acf", "55af2cb1c267");
		assertThat(table.drain()).containsExactly("INSERT 1975ea83b712", "UPDATE 1975ea83b712 -> 27c6a30d7c24",
				"UPDATE 27c6a30d7c24 -> d747a8a8879", "INSERT ae1027a6acf", "UPDATE ae1027a6acf -> 55af2cb1c267");
		assertThat(table.rows()).containsExactly("29f859a13ea", "55af2cb1c267", "d747a8a8879");
		assertThat(ids(graph.history("networking@base:", table.current()))).containsExactly("29f859a13ea",
				"109ec7d132bf", "3cac04ae8714");
	}

	private static RevisionGraph dependencies(boolean withMoreAccountChanges) {
		List<Revision> revisions = new java.util.ArrayList<>(multipleBases().revisions());
		revisions.add(rev("2a95102259be", List.of("29f859a13ea"), List.of("55af2cb1c267"), List.of()));
		if (withMoreAccountChanges) {
			revisions.add(rev("34e094ad6ef1", List.of("55af2cb1c267"), List.of(), List.of()));
		}
		return RevisionGraph.of(revisions);
	}

	@Test
	void dependencyMakesAnEffectiveHeadWithoutARow() {
		RevisionGraph graph = dependencies(false);
		assertThat(ids(graph.heads())).containsExactly("55af2cb1c267", "2a95102259be", "d747a8a8879");
		assertThat(ids(graph.versionTableHeads())).containsExactly("2a95102259be", "d747a8a8879");
		assertThat(ids(graph.history(":networking@head", List.of()))).containsExactly("2a95102259be", "29f859a13ea",
				"109ec7d132bf", "3cac04ae8714", "55af2cb1c267", "ae1027a6acf", "1975ea83b712");
		VersionTable table = new VersionTable("29f859a13ea", "55af2cb1c267", "d747a8a8879");
		table.applyInOrder(graph.planUpgrade(table.current(), "heads"), "2a95102259be");
		assertThat(table.drain()).containsExactly("DELETE 29f859a13ea", "UPDATE 55af2cb1c267 -> 2a95102259be");
		assertThat(table.rows()).containsExactly("2a95102259be", "d747a8a8879");
	}

	@Test
	void revisionOnADependencyGetsItsOwnRowAgain() {
		RevisionGraph graph = dependencies(true);
		VersionTable table = new VersionTable("2a95102259be", "d747a8a8879");
		table.applyInOrder(graph.planUpgrade(table.current(), "heads"), "34e094ad6ef1");
		assertThat(table.drain()).containsExactly("INSERT 34e094ad6ef1");
		assertThat(table.rows()).containsExactly("2a95102259be", "34e094ad6ef1", "d747a8a8879");
	}

	@Test
	void downgradeNetworkingToBaseLeavesItsDependencyApplied() {
		RevisionGraph graph = dependencies(false);
		VersionTable table = new VersionTable("2a95102259be", "d747a8a8879");
		table.applyInOrder(graph.planDowngrade(table.current(), "networking@base"), "2a95102259be", "29f859a13ea",
				"109ec7d132bf", "3cac04ae8714");
		assertThat(table.drain()).containsExactly("INSERT 29f859a13ea", "UPDATE 2a95102259be -> 55af2cb1c267",
				"UPDATE 29f859a13ea -> 109ec7d132bf", "UPDATE 109ec7d132bf -> 3cac04ae8714", "DELETE 3cac04ae8714");
		assertThat(table.rows()).containsExactly("55af2cb1c267", "d747a8a8879");
	}

	@Test
	void downgradeThroughMergeReinsertsParents() {
		RevisionGraph graph = merged();
		VersionTable table = new VersionTable("53fffde5ad5");
		MigrationPlan plan = table.applyInOrder(graph.planDowngrade(table.current(), "27c6a30d7c24"), "53fffde5ad5");
		assertThat(table.drain()).containsExactly("INSERT ae1027a6acf", "UPDATE 53fffde5ad5 -> 27c6a30d7c24");
		assertThat(table.rows()).containsExactly("27c6a30d7c24", "ae1027a6acf");
		plan = table.applyInOrder(graph.planDowngrade(table.current(), "base"), "27c6a30d7c24", "ae1027a6acf",
				"1975ea83b712");
		assertThat(table.drain()).containsExactly("DELETE 27c6a30d7c24", "UPDATE ae1027a6acf -> 1975ea83b712",
				"DELETE 1975ea83b712");
		assertThat(table.rows()).isEmpty();
	}

	@Test
	void relativeDowngradeFromMergePointIsAmbiguousAsInAlembic() {
		assertThatExceptionOfType(dev.migration.AmbiguousRelativeRevisionException.class)
			.isThrownBy(() -> merged().planDowngrade(List.of("53fffde5ad5"), "-1"))
			.withMessage("Cannot resolve '-1': 53fffde5ad5 is a merge point (parents ae1027a6acf, 27c6a30d7c24), "
					+ "so the relative step is ambiguous; name the branch ('<label>@-N') or start from a revision "
					+ "on it ('<id>-N')")
			.satisfies((ex) -> assertThat(ex.getCandidates()).containsExactly("ae1027a6acf", "27c6a30d7c24"));
	}

	static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

}
