package dev.migration.graph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.DuplicateBranchLabelException;
import dev.migration.DuplicateRevisionException;
import dev.migration.InvalidRevisionIdException;
import dev.migration.MissingParentException;
import dev.migration.Revision;
import dev.migration.RevisionCycleException;
import dev.migration.UnknownDependencyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionGraphValidationTests {

	static Revision rev(String id, String location, List<String> revises, List<String> dependsOn, List<String> labels) {
		return new Revision(id, "", revises, dependsOn, labels, null, true, Revision.Kind.SQL, location, null, null);
	}

	@Test
	void twoFilesClaimingOneIdAreNamed() {
		assertThatExceptionOfType(DuplicateRevisionException.class)
			.isThrownBy(
					() -> RevisionGraph.of(List.of(rev("a1b2", "db/a1b2_users.sql", List.of(), List.of(), List.of()),
							rev("a1b2", "db/a1b2_orders.sql", List.of(), List.of(), List.of()))))
			.withMessage("Revision a1b2 is defined twice: in db/a1b2_users.sql and in db/a1b2_orders.sql. Every "
					+ "revision needs its own id: give one of them a new id (and update the 'revises' of its "
					+ "children) or delete the copy.")
			.satisfies((ex) -> {
				assertThat(ex.getRevision()).isEqualTo("a1b2");
				assertThat(ex.getLocations()).containsExactly("db/a1b2_users.sql", "db/a1b2_orders.sql");
			});
	}

	@Test
	void idWithForbiddenCharactersIsExplained() {
		assertThatExceptionOfType(InvalidRevisionIdException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(Revision.of("add-users"))))
			.withMessage("Revision id 'add-users' in add-users.sql is not valid: ids may contain only letters, "
					+ "digits and '_' (characters such as '@', ':', '+' and '-' are part of the identifier syntax, "
					+ "e.g. 'label@head', 'a:b', 'id+2'). Rename the revision and update the 'revises' of its "
					+ "children.")
			.satisfies((ex) -> assertThat(ex.getIdentifier()).isEqualTo("add-users"));
	}

	@Test
	void branchLabelWithAtSignIsRejected() {
		assertThatExceptionOfType(InvalidRevisionIdException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a1", "a1.sql", List.of(), List.of(), List.of("x@y")))))
			.withMessage("Branch label 'x@y' of revision a1 in a1.sql is not valid: labels may contain only "
					+ "letters, digits, '_', '.' and '-' and must not start with '+' or '-' (characters such as "
					+ "'@', ':' and '+' are part of the identifier syntax, e.g. 'label@head'). Rename the label.");
	}

	@Test
	void selfLoopIsNamed() {
		assertThatExceptionOfType(RevisionCycleException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(Revision.of("a1", "a1"))))
			.withMessage("Revision a1 in a1.sql revises itself; remove 'a1' from its 'revises' header")
			.satisfies((ex) -> assertThat(ex.getCycle()).containsExactly("a1"));
	}

	@Test
	void dependencySelfLoopIsNamed() {
		assertThatExceptionOfType(RevisionCycleException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a1", "a1.sql", List.of(), List.of("a1"), List.of()))))
			.withMessage("Revision a1 in a1.sql depends on itself; remove 'a1' from its 'depends-on' header");
	}

	@Test
	void cycleIsListedInOrderWithFiles() {
		assertThatExceptionOfType(RevisionCycleException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(Revision.of("root"), Revision.of("c3", "b2"),
					Revision.of("a1", "c3", "root"), Revision.of("b2", "a1"))))
			.withMessage("Revisions form a cycle: a1 (a1.sql) revises c3 (c3.sql) revises b2 (b2.sql) revises "
					+ "a1 (a1.sql). A revision cannot be its own ancestor: correct the 'revises' or 'depends-on' "
					+ "header of one of these files.")
			.satisfies((ex) -> {
				assertThat(ex.getCycle()).containsExactly("a1", "c3", "b2");
				assertThat(ex.getLocations()).containsExactly("a1.sql", "c3.sql", "b2.sql");
			});
	}

	@Test
	void cycleThroughDependencyNamesTheDependency() {
		assertThatExceptionOfType(RevisionCycleException.class)
			.isThrownBy(() -> RevisionGraph
				.of(List.of(rev("a1", "a1.sql", List.of(), List.of("b2"), List.of()), Revision.of("b2", "a1"))))
			.withMessage("Revisions form a cycle: a1 (a1.sql) depends on b2 (b2.sql) revises a1 (a1.sql). A "
					+ "revision cannot be its own ancestor: correct the 'revises' or 'depends-on' header of one "
					+ "of these files.");
	}

	@Test
	void missingParentNamesFileAndParent() {
		assertThatExceptionOfType(MissingParentException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(Revision.of("a1"), Revision.of("b2", "zz99"))))
			.withMessage("Revision b2 in b2.sql revises zz99, but no script defines zz99. Fix the 'revises' header "
					+ "of b2.sql, or restore the missing script.")
			.satisfies((ex) -> {
				assertThat(ex.getRevision()).isEqualTo("b2");
				assertThat(ex.getMissing()).isEqualTo("zz99");
				assertThat(ex.isDependency()).isFalse();
			});
	}

	@Test
	void unknownDependencyNamesFileAndDependency() {
		assertThatExceptionOfType(UnknownDependencyException.class)
			.isThrownBy(() -> RevisionGraph
				.of(List.of(Revision.of("a1"), rev("b2", "db/b2.sql", List.of("a1"), List.of("nope"), List.of()))))
			.withMessage("Revision b2 in db/b2.sql depends on nope, but no script defines a revision or branch "
					+ "label 'nope'. Fix the 'depends-on' header of db/b2.sql, or restore the missing script.");
	}

	@Test
	void dependencyMayNameABranchLabel() {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a1", "a1.sql", List.of(), List.of(), List.of("auth")),
				rev("b2", "b2.sql", List.of(), List.of("auth"), List.of())));
		assertThat(graph.ancestorsOf(List.of("b2"))).containsExactly("a1", "b2");
	}

	@Test
	void branchLabelUsedTwiceNamesBothRevisions() {
		assertThatExceptionOfType(DuplicateBranchLabelException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a1", "a1.sql", List.of(), List.of(), List.of("auth")),
					rev("b2", "b2.sql", List.of("a1"), List.of(), List.of("auth")))))
			.withMessage("Branch label 'auth' is declared by revision a1 (a1.sql) and by revision b2 (b2.sql). A "
					+ "label names one branch: remove it from one of them, or rename one.")
			.satisfies((ex) -> {
				assertThat(ex.getLabel()).isEqualTo("auth");
				assertThat(ex.getRevisions()).containsExactly("a1", "b2");
			});
	}

	@Test
	void branchLabelEqualToARevisionIdIsRejected() {
		assertThatExceptionOfType(DuplicateBranchLabelException.class)
			.isThrownBy(() -> RevisionGraph
				.of(List.of(Revision.of("a1"), rev("b2", "b2.sql", List.of("a1"), List.of(), List.of("a1")))))
			.withMessage("Branch label 'a1' of revision b2 (b2.sql) is also the id of revision a1 (a1.sql), so 'a1' "
					+ "would be ambiguous. Rename the label.");
	}

	@Test
	void revisionsAreInTopologicalOrderWithTiesById() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("m", "c", "b"), Revision.of("c", "a"),
				Revision.of("b", "a"), Revision.of("z"), Revision.of("a")));
		assertThat(AlembicBranchesDocTests.ids(graph.revisions())).containsExactly("a", "b", "c", "m", "z");
		assertThat(AlembicBranchesDocTests.ids(graph.bases())).containsExactly("a", "z");
		assertThat(AlembicBranchesDocTests.ids(graph.heads())).containsExactly("m", "z");
		assertThat(AlembicBranchesDocTests.ids(graph.branchPoints())).containsExactly("a");
		assertThat(AlembicBranchesDocTests.ids(graph.children("a"))).containsExactly("b", "c");
		assertThat(graph.isAncestor("a", "m")).isTrue();
		assertThat(graph.isAncestor("m", "a")).isFalse();
		assertThat(graph.descendantsOf(List.of("b"))).containsExactly("b", "m");
	}

	@Test
	void tenThousandRevisionChainBuildsWithoutDeepRecursion() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(Revision.of("r0"));
		for (int i = 1; i < 10_000; i++) {
			revisions.add(Revision.of("r" + i, "r" + (i - 1)));
		}
		RevisionGraph graph = RevisionGraph.of(revisions);
		assertThat(graph.size()).isEqualTo(10_000);
		assertThat(AlembicBranchesDocTests.ids(graph.heads())).containsExactly("r9999");
	}

	@Test
	void tenThousandRevisionCycleIsReportedWithoutDeepRecursion() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(Revision.of("r0", "r9999"));
		for (int i = 1; i < 10_000; i++) {
			revisions.add(Revision.of("r" + i, "r" + (i - 1)));
		}
		assertThatExceptionOfType(RevisionCycleException.class).isThrownBy(() -> RevisionGraph.of(revisions))
			.satisfies((ex) -> assertThat(ex.getCycle()).hasSize(10_000).startsWith("r0", "r9999", "r9998"));
	}

}
