package dev.migration.autogenerate;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a new revision is asked to be, before {@link RevisionAuthor} resolves it against
 * the graph (Alembic's arguments of {@code ScriptDirectory.generate_revision}).
 *
 * @param message what the revision does; also names the file
 * @param heads what to build on: {@code head} (the single head), {@code base} (a new
 * root), or identifiers of revisions ({@code <id>}, {@code <label>@head}, {@code heads})
 * @param splice whether a parent may be a revision that is not a head (a new branch)
 * @param merge whether this is a merge, which needs at least two parents
 * @param branchLabels labels of the branch this revision starts or continues
 * @param dependsOn identifiers of revisions this one depends on without being their child
 * @param revId the id to use, or {@code null} for 12 random hex characters
 */
public record RevisionSpec(String message, List<String> heads, boolean splice, boolean merge, List<String> branchLabels,
		List<String> dependsOn, @Nullable String revId) {

	public RevisionSpec {
		heads = List.copyOf(heads);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	/**
	 * A revision on the single head, with a new id.
	 * @param message the message
	 * @return the spec
	 */
	public static RevisionSpec onHead(String message) {
		return new RevisionSpec(message, List.of("head"), false, false, List.of(), List.of(), null);
	}

	/**
	 * A merge revision whose parents are the given revisions.
	 * @param message the message
	 * @param revisions identifiers of the revisions to join ({@code heads} for all)
	 * @param branchLabels labels of the merge
	 * @param revId the id to use, or {@code null}
	 * @return the spec
	 */
	public static RevisionSpec merge(String message, List<String> revisions, List<String> branchLabels,
			@Nullable String revId) {
		return new RevisionSpec(message, revisions, true, true, branchLabels, List.of(), revId);
	}

}
