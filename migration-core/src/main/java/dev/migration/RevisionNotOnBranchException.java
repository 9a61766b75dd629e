package dev.migration;

/** {@code label@id}: the revision is not on the labelled branch. */
public class RevisionNotOnBranchException extends RevisionResolutionException {

	private final String revision;

	private final String branch;

	public RevisionNotOnBranchException(String identifier, String revision, String branch) {
		super("Revision " + revision + " is not on branch '" + branch + "' (it is neither an ancestor nor a "
				+ "descendant of it); write '" + revision + "' alone, or name a revision of '" + branch + "'",
				identifier);
		this.revision = revision;
		this.branch = branch;
	}

	public String getRevision() {
		return this.revision;
	}

	public String getBranch() {
		return this.branch;
	}

}
