package dev.migration.graph;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.AmbiguousRelativeRevisionException;
import dev.migration.AmbiguousRevisionException;
import dev.migration.InvalidDowngradeTargetException;
import dev.migration.MultipleHeadsException;
import dev.migration.Revision;
import dev.migration.RevisionNotOnBranchException;
import dev.migration.RevisionOutOfRangeException;
import dev.migration.RevisionResolutionException;
import dev.migration.UnknownBranchException;
import dev.migration.UnknownRevisionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionResolutionTests {

	private static final List<String> NONE = List.of();

	static Revision rev(String id, List<String> revises, List<String> dependsOn, List<String> labels) {
		return new Revision(id, "", revises, dependsOn, labels, null, true, Revision.Kind.SQL, id + ".sql", null, null);
	}

	static RevisionGraph linear() {
		return RevisionGraph.of(List.of(Revision.of("aaaa1111"), Revision.of("bbbb2222", "aaaa1111"),
				Revision.of("cccc3333", "bbbb2222"), Revision.of("dddd4444", "cccc3333")));
	}

	/** Alembic's branches documentation: two labelled branches and a second base. */
	static RevisionGraph branched() {
		return RevisionGraph
			.of(List.of(rev("1975ea83b712", NONE, NONE, NONE), rev("ae1027a6acf", List.of("1975ea83b712"), NONE, NONE),
					rev("27c6a30d7c24", List.of("1975ea83b712"), NONE, List.of("shoppingcart")),
					rev("d747a8a8879", List.of("27c6a30d7c24"), NONE, NONE),
					rev("55af2cb1c267", List.of("ae1027a6acf"), NONE, NONE),
					rev("3cac04ae8714", NONE, NONE, List.of("networking")),
					rev("109ec7d132bf", List.of("3cac04ae8714"), NONE, NONE),
					rev("29f859a13ea", List.of("109ec7d132bf"), NONE, NONE),
					rev("2a95102259be", List.of("29f859a13ea"), List.of("55af2cb1c267"), NONE)));
	}

	static RevisionGraph merged() {
		return RevisionGraph.of(List.of(Revision.of("1975ea83b712"), Revision.of("ae1027a6acf", "1975ea83b712"),
				Revision.of("27c6a30d7c24", "1975ea83b712"),
				Revision.of("53fffde5ad5", "ae1027a6acf", "27c6a30d7c24")));
	}

	/**
	 * Targets resolved on a graph: graph, target, applied revisions, what it resolves to.
	 */
	static Stream<Arguments> targetsResolve() {
		return Stream.of(
				// full id prefix head heads base and current resolve
				Arguments.of("linear", "cccc3333", NONE, List.of("cccc3333")),
				Arguments.of("linear", "cccc", NONE, List.of("cccc3333")),
				Arguments.of("linear", "c", NONE, List.of("cccc3333")),
				Arguments.of("linear", "head", NONE, List.of("dddd4444")),
				Arguments.of("linear", "heads", NONE, List.of("dddd4444")), Arguments.of("linear", "base", NONE, NONE),
				Arguments.of("linear", "current", List.of("bbbb2222"), List.of("bbbb2222")),
				Arguments.of("linear", " cccc3333 ", NONE, List.of("cccc3333")),
				// branch label forms
				Arguments.of("branched", "shoppingcart", NONE, List.of("27c6a30d7c24")),
				Arguments.of("branched", "shoppingcart@head", NONE, List.of("d747a8a8879")),
				Arguments.of("branched", "shoppingcart@heads", NONE, List.of("d747a8a8879")),
				Arguments.of("branched", "shoppingcart@base", NONE, NONE),
				Arguments.of("branched", "shoppingcart@d747", NONE, List.of("d747a8a8879")),
				Arguments.of("branched", "shoppingcart@shoppingcart", NONE, List.of("27c6a30d7c24")),
				Arguments.of("branched", "networking@head", NONE, List.of("2a95102259be")),
				Arguments.of("branched", "ae10@head", NONE, List.of("55af2cb1c267")),
				Arguments.of("branched", "shoppingcart@base+2", NONE, List.of("27c6a30d7c24")),
				Arguments.of("branched", "networking@base+1", NONE, List.of("3cac04ae8714")),
				Arguments.of("branched", "networking@head-2", NONE, List.of("109ec7d132bf")),
				// relative to the current revisions, along the line
				Arguments.of("linear", "+1", List.of("bbbb2222"), List.of("cccc3333")),
				Arguments.of("linear", "+2", List.of("bbbb2222"), List.of("dddd4444")),
				Arguments.of("linear", "-1", List.of("bbbb2222"), List.of("aaaa1111")),
				Arguments.of("linear", "-2", List.of("bbbb2222"), NONE),
				Arguments.of("linear", "+1", NONE, List.of("aaaa1111")),
				// relative to a named revision, from it
				Arguments.of("linear", "aaaa1111+2", NONE, List.of("cccc3333")),
				Arguments.of("linear", "aaaa+3", NONE, List.of("dddd4444")),
				Arguments.of("linear", "dddd4444-3", NONE, List.of("aaaa1111")),
				Arguments.of("linear", "dddd-4", NONE, NONE),
				Arguments.of("linear", "head-1", NONE, List.of("cccc3333")));
	}

	@ParameterizedTest(name = "{1} on {0} at {2}")
	@MethodSource
	void targetsResolve(String graph, String target, List<String> applied, List<String> resolved) {
		RevisionGraph revisions = switch (graph) {
			case "linear" -> linear();
			case "branched" -> branched();
			default -> merged();
		};
		assertThat(revisions.resolve(target, applied)).containsExactlyElementsOf(resolved);
	}

	@Test
	void plusBeyondTheLastRevisionSaysHowManyThereAre() {
		assertThatExceptionOfType(RevisionOutOfRangeException.class)
			.isThrownBy(() -> linear().resolve("+3", List.of("bbbb2222")))
			.withMessage("Cannot resolve '+3': it goes 3 revision(s) up, but there are only 2 revision(s) above "
					+ "bbbb2222; use a smaller number or 'heads'")
			.satisfies((ex) -> {
				assertThat(ex.getStart()).isEqualTo("bbbb2222");
				assertThat(ex.getRequested()).isEqualTo(3);
				assertThat(ex.getAvailable()).isEqualTo(2);
			});
		assertThatExceptionOfType(RevisionOutOfRangeException.class)
			.isThrownBy(() -> linear().resolve("cccc3333+2", NONE))
			.withMessage("Cannot resolve 'cccc3333+2': it goes 2 revision(s) up, but there is only 1 revision(s) "
					+ "above cccc3333; use a smaller number or 'heads'");
	}

	@Test
	void minusBelowBaseSaysHowFarBaseIs() {
		assertThatExceptionOfType(RevisionOutOfRangeException.class)
			.isThrownBy(() -> linear().resolve("-3", List.of("bbbb2222")))
			.withMessage("Cannot resolve '-3': it goes 3 step(s) down, but bbbb2222 is only 2 step(s) above base; "
					+ "use a smaller number or 'base'");
	}

	@Test
	void minusWithNothingAppliedIsNotADowngrade() {
		assertThatExceptionOfType(InvalidDowngradeTargetException.class).isThrownBy(() -> linear().resolve("-1", NONE))
			.withMessage("Cannot downgrade to '-1': the database is at base, there is nothing to downgrade");
	}

	@Test
	void unknownRevisionSuggestsCloseMatches() {
		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> linear().resolve("cccc3334", NONE))
			.withMessage("No revision or branch label 'cccc3334'; did you mean cccc3333?")
			.satisfies((ex) -> assertThat(ex.getSuggestions()).containsExactly("cccc3333"));
		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> linear().resolve("zzzz9999", NONE))
			.withMessage("No revision or branch label 'zzzz9999'; run 'history' to list the revisions");
	}

	@Test
	void unknownShortIdentifierExplainsPrefixLength() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("abc"), Revision.of("abcdef12", "abc")));
		assertThat(graph.resolve("abc", NONE)).containsExactly("abc");
		assertThat(graph.resolve("abcd", NONE)).containsExactly("abcdef12");
		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> graph.resolve("xy", NONE))
			.withMessage("No revision or branch label 'xy'; a partial revision id matches only ids longer than 3 "
					+ "characters, so type more of it");
	}

	@Test
	void ambiguousPrefixListsCandidates() {
		RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("ab12cd34"), Revision.of("ab12ef56", "ab12cd34")));
		assertThatExceptionOfType(AmbiguousRevisionException.class).isThrownBy(() -> graph.resolve("ab12", NONE))
			.withMessage("Revision prefix 'ab12' is ambiguous: it matches ab12cd34, ab12ef56; type more characters "
					+ "of the id")
			.satisfies((ex) -> assertThat(ex.getCandidates()).containsExactly("ab12cd34", "ab12ef56"));
	}

	@Test
	void headWithSeveralHeadsNamesThem() {
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> branched().resolve("head", NONE))
			.withMessage("'head' is ambiguous: there are 3 heads (55af2cb1c267, 2a95102259be, d747a8a8879); name a "
					+ "head, use 'heads', or run 'merge'");
	}

	@Test
	void headsIsWhatTheVersionTableHoldsAtTheTop() {
		RevisionGraph graph = branched();
		assertThat(graph.resolve("heads", NONE)).containsExactly("2a95102259be", "d747a8a8879");
		assertThat(AlembicBranchesDocTests.ids(graph.heads())).containsExactly("55af2cb1c267", "2a95102259be",
				"d747a8a8879");
	}

	@Test
	void labelRelativeToCurrentFollowsThatBranch() {
		RevisionGraph graph = branched();
		assertThat(graph.resolve("shoppingcart@+1", List.of("1975ea83b712"))).containsExactly("27c6a30d7c24");
		assertThat(graph.resolve("shoppingcart@+2", List.of("1975ea83b712"))).containsExactly("d747a8a8879");
		assertThat(graph.resolve("shoppingcart@+1", List.of("27c6a30d7c24", "55af2cb1c267")))
			.containsExactly("d747a8a8879");
		assertThat(graph.resolve("shoppingcart@-1", List.of("d747a8a8879", "55af2cb1c267")))
			.containsExactly("27c6a30d7c24");
		assertThat(graph.resolve("networking@+1", List.of("d747a8a8879"))).containsExactly("3cac04ae8714");
	}

	@Test
	void relativeThroughABranchPointIsAmbiguous() {
		assertThatExceptionOfType(AmbiguousRelativeRevisionException.class)
			.isThrownBy(() -> branched().resolve("+1", List.of("1975ea83b712")))
			.withMessage("Cannot resolve '+1': 1975ea83b712 is a branch point (children 27c6a30d7c24, "
					+ "ae1027a6acf), so the relative step is ambiguous; name the branch ('<label>@+N') or start "
					+ "from a revision on it ('<id>+N')")
			.satisfies((ex) -> assertThat(ex.getCandidates()).containsExactly("27c6a30d7c24", "ae1027a6acf"));
		assertThatExceptionOfType(AmbiguousRelativeRevisionException.class)
			.isThrownBy(() -> branched().resolve("+1", NONE))
			.withMessage("Cannot resolve '+1': there are several roots (1975ea83b712, 3cac04ae8714), so the "
					+ "relative step is ambiguous; name the branch ('<label>@+N') or start from a revision on it "
					+ "('<id>+N')");
	}

	@Test
	void relativeFromSeveralCurrentHeadsMustNameOne() {
		List<String> current = List.of("d747a8a8879", "55af2cb1c267");
		assertThatExceptionOfType(AmbiguousRelativeRevisionException.class)
			.isThrownBy(() -> branched().resolve("-1", current))
			.withMessage("Cannot resolve '-1': the database is at 2 heads (d747a8a8879, 55af2cb1c267), so it is "
					+ "ambiguous which one to move from; write '<head>@-N' (e.g. 'd747a8a8879@-1') or "
					+ "'<label>@-N' to name the branch");
		assertThatExceptionOfType(AmbiguousRelativeRevisionException.class)
			.isThrownBy(() -> branched().resolve("+1", List.of("27c6a30d7c24", "ae1027a6acf")))
			.withMessage("Cannot resolve '+1': the database is at 2 heads (27c6a30d7c24, ae1027a6acf), so it is "
					+ "ambiguous which one to move from; write '<head>@+N' or '<label>@+N' to name the branch");
		assertThat(branched().resolve("55af2cb1c267@-1", current)).containsExactly("ae1027a6acf");
	}

	@Test
	void relativeDownThroughAMergePointIsAmbiguous() {
		assertThatExceptionOfType(AmbiguousRelativeRevisionException.class)
			.isThrownBy(() -> merged().resolve("53fffde5ad5-1", NONE))
			.withMessage("Cannot resolve '53fffde5ad5-1': 53fffde5ad5 is a merge point (parents ae1027a6acf, "
					+ "27c6a30d7c24), so the relative step is ambiguous; name the branch ('<label>@-N') or start "
					+ "from a revision on it ('<id>-N')");
	}

	@Test
	void revisionOnAnotherBranchIsNamed() {
		assertThatExceptionOfType(RevisionNotOnBranchException.class)
			.isThrownBy(() -> branched().resolve("shoppingcart@ae10", NONE))
			.withMessage("Revision ae1027a6acf is not on branch 'shoppingcart' (it is neither an ancestor nor a "
					+ "descendant of it); write 'ae1027a6acf' alone, or name a revision of 'shoppingcart'")
			.satisfies((ex) -> {
				assertThat(ex.getRevision()).isEqualTo("ae1027a6acf");
				assertThat(ex.getBranch()).isEqualTo("shoppingcart");
			});
	}

	@Test
	void unknownBranchListsTheLabels() {
		assertThatExceptionOfType(UnknownBranchException.class)
			.isThrownBy(() -> branched().resolve("billing@head", NONE))
			.withMessage("No branch 'billing' in 'billing@head': it is neither a branch label nor a revision; the "
					+ "branch labels are networking, shoppingcart")
			.satisfies((ex) -> assertThat(ex.getBranch()).isEqualTo("billing"));
	}

	@Test
	void rangeIsNotASingleTarget() {
		assertThatExceptionOfType(RevisionResolutionException.class)
			.isThrownBy(() -> linear().resolve("aaaa:cccc", NONE))
			.withMessage("'aaaa:cccc' is a range; ranges are accepted by 'history' and by offline (--sql) commands "
					+ "only, name a single target here");
	}

	@Test
	void unknownCurrentRevisionIsReportedAsNotInScripts() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> linear().resolve("+1", List.of("ffff9999")))
			.withMessage("The version table holds revision ffff9999, which no script defines. Restore its script, "
					+ "or move the version table to a known revision with 'stamp --purge <revision>'.");
	}

}
