package dev.migration;

import java.util.List;

/** {@code label@id}: the revision is not on the labelled branch. */
public class RevisionNotOnBranchException extends RevisionResolutionException {

	private final String branch;

	public RevisionNotOnBranchException(String identifier, String revision, String branch) {
		super("Revision " + revision + " is not on branch '" + branch + "' (it is neither an ancestor nor a "
				+ "descendant of it); write '" + revision + "' alone, or name a revision of '" + branch + "'",
				identifier, List.of(revision));
		this.branch = branch;
	}

	public String getRevision() {
		return getRevisions().get(0);
	}

	public String getBranch() {
		return this.branch;
	}

}
