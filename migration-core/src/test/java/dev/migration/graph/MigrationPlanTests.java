package dev.migration.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.HistoryEntry.Direction;
import dev.migration.InvalidDowngradeTargetException;
import dev.migration.InvalidUpgradeTargetException;
import dev.migration.Revision;
import dev.migration.RevisionRangeException;
import dev.migration.RevisionResolutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationPlanTests {

	private static final List<String> NONE = List.of();

	@Test
	void upgradeLinearInsertsOnceThenUpdates() {
		VersionTable table = new VersionTable();
		MigrationPlan plan = RevisionResolutionTests.linear().planUpgrade(NONE, "heads");
		assertThat(plan.direction()).isEqualTo(Direction.UPGRADE);
		assertThat(plan.fromHeads()).isEmpty();
		assertThat(plan.toHeads()).containsExactly("dddd4444");
		table.apply(plan);
		assertThat(table.drain()).containsExactly("INSERT aaaa1111", "UPDATE aaaa1111 -> bbbb2222",
				"UPDATE bbbb2222 -> cccc3333", "UPDATE cccc3333 -> dddd4444");
	}

	@Test
	void upgradeRelativeMovesTwo() {
		MigrationPlan plan = RevisionResolutionTests.linear().planUpgrade(List.of("aaaa1111"), "+2");
		assertThat(VersionTable.ids(plan)).containsExactly("bbbb2222", "cccc3333");
		assertThat(plan.toHeads()).containsExactly("cccc3333");
	}

	@Test
	void upgradeToCurrentOrBelowIsEmpty() {
		RevisionGraph graph = RevisionResolutionTests.linear();
		assertThat(graph.planUpgrade(List.of("cccc3333"), "cccc3333").isEmpty()).isTrue();
		assertThat(graph.planUpgrade(List.of("cccc3333"), "aaaa1111").isEmpty()).isTrue();
	}

	@Test
	void upgradeToMinusIsRefused() {
		assertThatExceptionOfType(InvalidUpgradeTargetException.class)
			.isThrownBy(() -> RevisionResolutionTests.linear().planUpgrade(List.of("cccc3333"), "-1"))
			.withMessage("Cannot upgrade to '-1': it is below the current revision; use 'downgrade -1'")
			.satisfies((ex) -> assertThat(ex.getRevisions()).containsExactly("cccc3333"));
	}

	@Test
	void upgradeAppliesDependenciesFirst() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		MigrationPlan plan = graph.planUpgrade(NONE, "networking@head");
		assertThat(VersionTable.ids(plan)).containsExactly("1975ea83b712", "ae1027a6acf", "55af2cb1c267",
				"3cac04ae8714", "109ec7d132bf", "29f859a13ea", "2a95102259be");
		VersionTable table = new VersionTable().apply(plan);
		assertThat(table.rows()).containsExactly("2a95102259be");
	}

	@Test
	void downgradeLinearUpdatesThenDeletes() {
		VersionTable table = new VersionTable("dddd4444");
		MigrationPlan plan = RevisionResolutionTests.linear().planDowngrade(table.current(), "base");
		assertThat(plan.direction()).isEqualTo(Direction.DOWNGRADE);
		assertThat(VersionTable.ids(plan)).containsExactly("dddd4444", "cccc3333", "bbbb2222", "aaaa1111");
		table.apply(plan);
		assertThat(table.drain()).containsExactly("UPDATE dddd4444 -> cccc3333", "UPDATE cccc3333 -> bbbb2222",
				"UPDATE bbbb2222 -> aaaa1111", "DELETE aaaa1111");
	}

	@Test
	void downgradeToIdAndRelative() {
		RevisionGraph graph = RevisionResolutionTests.linear();
		assertThat(VersionTable.ids(graph.planDowngrade(List.of("dddd4444"), "bbbb"))).containsExactly("dddd4444",
				"cccc3333");
		assertThat(VersionTable.ids(graph.planDowngrade(List.of("dddd4444"), "-1"))).containsExactly("dddd4444");
		assertThat(graph.planDowngrade(List.of("dddd4444"), "dddd4444").isEmpty()).isTrue();
	}

	@Test
	void downgradeToABranchPointTakesDownEveryBranchAboveIt() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		VersionTable table = new VersionTable("d747a8a8879", "55af2cb1c267");
		table.applyInOrder(graph.planDowngrade(table.current(), "1975ea83b712"), "55af2cb1c267", "ae1027a6acf",
				"d747a8a8879", "27c6a30d7c24");
		assertThat(table.rows()).containsExactly("1975ea83b712");
	}

	@Test
	void downgradeLabelAtMinusOneTouchesOnlyThatBranch() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		VersionTable table = new VersionTable("27c6a30d7c24", "55af2cb1c267");
		table.applyInOrder(graph.planDowngrade(table.current(), "shoppingcart@-1"), "27c6a30d7c24");
		assertThat(table.drain()).containsExactly("DELETE 27c6a30d7c24");
		assertThat(table.rows()).containsExactly("55af2cb1c267");
	}

	@Test
	void downgradeLabelAtBaseTouchesOnlyThatBase() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		VersionTable table = new VersionTable("29f859a13ea", "d747a8a8879");
		table.applyInOrder(graph.planDowngrade(table.current(), "networking@base"), "29f859a13ea", "109ec7d132bf",
				"3cac04ae8714");
		assertThat(table.rows()).containsExactly("d747a8a8879");
	}

	@Test
	void downgradeRevertsDependentsFirst() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		VersionTable table = new VersionTable("2a95102259be", "d747a8a8879");
		table.applyInOrder(graph.planDowngrade(table.current(), "ae1027a6acf"), "2a95102259be", "55af2cb1c267");
		assertThat(table.drain()).containsExactly("INSERT 29f859a13ea", "UPDATE 2a95102259be -> 55af2cb1c267",
				"UPDATE 55af2cb1c267 -> ae1027a6acf");
		assertThat(table.rows()).containsExactly("29f859a13ea", "ae1027a6acf", "d747a8a8879");
	}

	@Test
	void downgradeToARevisionAboveCurrentIsRefused() {
		assertThatExceptionOfType(InvalidDowngradeTargetException.class)
			.isThrownBy(() -> RevisionResolutionTests.linear().planDowngrade(List.of("bbbb2222"), "dddd4444"))
			.withMessage("Cannot downgrade to 'dddd4444': it is not below the current revision(s): dddd4444 is "
					+ "above the current revision(s) bbbb2222; use 'upgrade'")
			.satisfies((ex) -> assertThat(ex.getCurrentHeads()).containsExactly("bbbb2222"));
	}

	@Test
	void downgradeToARevisionOnAnotherBranchIsRefused() {
		assertThatExceptionOfType(InvalidDowngradeTargetException.class)
			.isThrownBy(() -> RevisionResolutionTests.branched().planDowngrade(List.of("d747a8a8879"), "ae1027a6acf"))
			.withMessage("Cannot downgrade to 'ae1027a6acf': it is not below the current revision(s): ae1027a6acf "
					+ "is on another branch than the current revision(s) d747a8a8879; name a revision below them, "
					+ "or use 'upgrade' to add that branch");
	}

	@Test
	void downgradeToPlusIsRefused() {
		assertThatExceptionOfType(InvalidDowngradeTargetException.class)
			.isThrownBy(() -> RevisionResolutionTests.linear().planDowngrade(List.of("bbbb2222"), "+1"))
			.withMessage("Cannot downgrade to '+1': it is above the current revision; use 'upgrade +1'");
	}

	@Test
	void isDowngradeTellsWhetherTheTargetIsBelowCurrent() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		List<String> current = List.of("d747a8a8879", "55af2cb1c267");
		assertThat(graph.isDowngrade(current, "1975ea83b712")).isTrue();
		assertThat(graph.isDowngrade(current, "base")).isTrue();
		assertThat(graph.isDowngrade(current, "networking@base")).isTrue();
		assertThat(graph.isDowngrade(current, "shoppingcart@-1")).isTrue();
		assertThat(graph.isDowngrade(current, "heads")).isFalse();
		assertThat(graph.isDowngrade(current, "d747a8a8879")).isFalse();
		assertThat(graph.isDowngrade(current, "networking@head")).isFalse();
		assertThat(graph.isDowngrade(NONE, "base")).isFalse();
		assertThat(graph.isDowngrade(List.of("27c6a30d7c24"), "ae1027a6acf")).isFalse();
	}

	@Test
	void stampFreshDatabaseInsertsEachHead() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		VersionTable table = new VersionTable();
		MigrationPlan plan = graph.planStamp(table.current(), List.of("heads"), false);
		assertThat(plan.direction()).isEqualTo(Direction.STAMP);
		table.apply(plan);
		assertThat(table.drain()).containsExactly("INSERT 2a95102259be", "INSERT d747a8a8879");
	}

	@Test
	void stampUpAndDownAlongABranchUpdatesTheRow() {
		RevisionGraph graph = RevisionResolutionTests.linear();
		VersionTable table = new VersionTable("bbbb2222");
		assertThat(table.stamp(graph, "dddd4444")).containsExactly("UPDATE bbbb2222 -> dddd4444");
		assertThat(table.stamp(graph, "aaaa1111")).containsExactly("UPDATE dddd4444 -> aaaa1111");
		assertThat(graph.planStamp(table.current(), List.of("aaaa1111"), false).isEmpty()).isTrue();
	}

	@Test
	void stampMergePointDeletesOneParentRowAndUpdatesTheOther() {
		RevisionGraph graph = RevisionResolutionTests.merged();
		VersionTable table = new VersionTable("27c6a30d7c24", "ae1027a6acf");
		assertThat(table.current()).containsExactly("27c6a30d7c24", "ae1027a6acf");
		assertThat(table.stamp(graph, "53fffde5ad5")).containsExactly("DELETE 27c6a30d7c24",
				"UPDATE ae1027a6acf -> 53fffde5ad5");
	}

	@Test
	void stampAnotherBranchInsertsARow() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		VersionTable table = new VersionTable("d747a8a8879");
		assertThat(table.stamp(graph, "ae1027a6acf")).containsExactly("INSERT ae1027a6acf");
	}

	@Test
	void stampBaseDeletesEveryRow() {
		RevisionGraph graph = RevisionResolutionTests.branched();
		VersionTable table = new VersionTable("d747a8a8879", "55af2cb1c267");
		MigrationPlan plan = graph.planStamp(table.current(), List.of("base"), false);
		table.apply(plan);
		assertThat(table.rows()).isEmpty();
		assertThat(plan.steps()).extracting((s) -> s.revision().id())
			.containsExactlyInAnyOrder("d747a8a8879", "55af2cb1c267");
	}

	@Test
	void stampWithPurgeIgnoresTheRows() {
		RevisionGraph graph = RevisionResolutionTests.linear();
		MigrationPlan plan = graph.planStamp(List.of("cccc3333"), List.of("bbbb2222"), true);
		assertThat(plan.fromHeads()).isEmpty();
		VersionTable table = new VersionTable().apply(plan);
		assertThat(table.drain()).containsExactly("INSERT bbbb2222");
	}

	@Test
	void stampWithPurgeAcceptsRowsNoScriptKnows() {
		MigrationPlan plan = RevisionResolutionTests.linear().planStamp(List.of("ffff9999"), List.of("heads"), true);
		assertThat(new VersionTable().apply(plan).rows()).containsExactly("dddd4444");
	}

	@Test
	void historyListsNewestFirst() {
		RevisionGraph graph = RevisionResolutionTests.linear();
		assertThat(AlembicBranchesDocTests.ids(graph.history("bbbb:cccc", NONE))).containsExactly("cccc3333",
				"bbbb2222");
		assertThat(AlembicBranchesDocTests.ids(graph.history("current:", List.of("cccc3333"))))
			.containsExactly("dddd4444", "cccc3333");
		assertThat(AlembicBranchesDocTests.ids(graph.history(":current", List.of("bbbb2222"))))
			.containsExactly("bbbb2222", "aaaa1111");
		// As in Alembic, a relative upper end counts from the lower end.
		assertThat(AlembicBranchesDocTests.ids(graph.history("-1:+1", List.of("bbbb2222")))).containsExactly("bbbb2222",
				"aaaa1111");
		assertThat(AlembicBranchesDocTests.ids(graph.history("cccc:+5", NONE))).containsExactly("dddd4444", "cccc3333");
	}

	@Test
	void historyRangeInTheWrongOrderSaysSo() {
		assertThatExceptionOfType(RevisionRangeException.class)
			.isThrownBy(() -> RevisionResolutionTests.linear().history("dddd4444:bbbb2222", NONE))
			.withMessage("Revision dddd4444 is not an ancestor of revision bbbb2222 in range 'dddd4444:bbbb2222'; "
					+ "ranges go from older to newer: write 'bbbb2222:dddd4444'")
			.satisfies((ex) -> {
				assertThat(ex.getLower()).isEqualTo("dddd4444");
				assertThat(ex.getUpper()).isEqualTo("bbbb2222");
			});
	}

	@Test
	void historyRangeAcrossBranchesSaysSo() {
		assertThatExceptionOfType(RevisionRangeException.class)
			.isThrownBy(() -> RevisionResolutionTests.branched().history("ae1027a6acf:d747a8a8879", NONE))
			.withMessage("Revision ae1027a6acf is not an ancestor of revision d747a8a8879 in range "
					+ "'ae1027a6acf:d747a8a8879'; the two are on different branches: use ':d747a8a8879' for the "
					+ "history of d747a8a8879");
	}

	@Test
	void historyWithoutColonIsRefused() {
		assertThatExceptionOfType(RevisionResolutionException.class)
			.isThrownBy(() -> RevisionResolutionTests.linear().history("bbbb2222", NONE))
			.withMessage("History range 'bbbb2222' has no ':'; write 'start:end', 'start:' or ':end'");
	}

	@Test
	void branchesRunAsBlocksInAlembicOrder() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("aaaa1111"), Revision.of("bbbb2222", "aaaa1111"),
				Revision.of("cccc3333", "bbbb2222"), Revision.of("dddd4444", "aaaa1111")));
		assertThat(VersionTable.ids(graph.planUpgrade(NONE, "heads"))).containsExactly("aaaa1111", "dddd4444",
				"bbbb2222", "cccc3333");
	}

	@Test
	void upgradeToOverlappingTargetsIsRefused() {
		RevisionGraph graph = RevisionGraph.of(List.of(
				RevisionResolutionTests.rev("aaaa1111", NONE, NONE, List.of("x")), Revision.of("bbbb2222", "aaaa1111"),
				RevisionResolutionTests.rev("cccc3333", List.of("aaaa1111"), List.of("bbbb2222"), NONE)));
		assertThatExceptionOfType(InvalidUpgradeTargetException.class)
			.isThrownBy(() -> graph.planUpgrade(NONE, "x@heads"))
			.withMessage(
					"Cannot upgrade to 'x@heads': revision cccc3333 already includes bbbb2222; name only " + "cccc3333")
			.satisfies((ex) -> assertThat(ex.getRevisions()).containsExactly("bbbb2222", "cccc3333"));
	}

}
