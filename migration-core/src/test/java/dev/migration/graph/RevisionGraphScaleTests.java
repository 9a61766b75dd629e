package dev.migration.graph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.Revision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large graphs must build, resolve and plan with iterative algorithms (no stack overflow)
 * and without quadratic work; no timing is asserted.
 */
class RevisionGraphScaleTests {

	private static final List<String> NONE = List.of();

	@Test
	void tenThousandRevisionChainResolvesAndPlansBothWays() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(Revision.of("rev00000"));
		for (int i = 1; i < 10_000; i++) {
			revisions.add(Revision.of(String.format("rev%05d", i), String.format("rev%05d", i - 1)));
		}
		RevisionGraph graph = RevisionGraph.of(revisions);
		assertThat(graph.resolve("head", NONE)).containsExactly("rev09999");
		assertThat(graph.resolve("rev05000", NONE)).containsExactly("rev05000");
		assertThat(graph.resolve("rev00000+9999", NONE)).containsExactly("rev09999");
		assertThat(graph.resolve("-9999", List.of("rev09999"))).containsExactly("rev00000");
		VersionTable table = new VersionTable();
		MigrationPlan up = graph.planUpgrade(table.current(), "heads");
		assertThat(up.steps()).hasSize(10_000);
		table.apply(up);
		assertThat(table.rows()).containsExactly("rev09999");
		MigrationPlan down = graph.planDowngrade(table.current(), "base");
		assertThat(down.steps()).hasSize(10_000);
		table.apply(down);
		assertThat(table.rows()).isEmpty();
		assertThat(graph.history(null, NONE)).hasSize(10_000);
		assertThat(graph.ancestorsOf(List.of("rev09999"))).hasSize(10_000);
	}

	@Test
	void tenThousandRevisionsInTenMergedBranchesPlanBothWays() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(Revision.of("root"));
		List<String> tips = new ArrayList<>();
		for (int b = 0; b < 10; b++) {
			String previous = "root";
			for (int i = 0; i < 999; i++) {
				String id = String.format("b%d_%04d", b, i);
				revisions.add(Revision.of(id, previous));
				previous = id;
			}
			tips.add(previous);
		}
		revisions.add(Revision.of("merge", tips.toArray(String[]::new)));
		for (int i = 0; revisions.size() < 10_000; i++) {
			revisions.add(Revision.of("tail" + i, (i == 0) ? "merge" : "tail" + (i - 1)));
		}
		RevisionGraph graph = RevisionGraph.of(revisions);
		assertThat(graph.size()).isEqualTo(10_000);
		assertThat(graph.resolve("head", NONE)).containsExactly("tail7");
		assertThat(graph.resolve("b3_0500+10", NONE)).containsExactly("b3_0510");
		VersionTable table = new VersionTable();
		MigrationPlan up = graph.planUpgrade(table.current(), "heads");
		assertThat(up.steps()).hasSize(10_000);
		table.apply(up);
		assertThat(table.rows()).containsExactly("tail7");
		table.apply(graph.planDowngrade(table.current(), "merge"));
		assertThat(table.rows()).containsExactly("merge");
		MigrationPlan unmerge = graph.planDowngrade(table.current(), "b0_0998");
		table.apply(unmerge);
		assertThat(table.rows()).containsExactlyInAnyOrderElementsOf(tips);
		MigrationPlan down = graph.planDowngrade(table.current(), "base");
		assertThat(down.steps()).hasSize(9_991);
		table.apply(down);
		assertThat(table.rows()).isEmpty();
	}

}
