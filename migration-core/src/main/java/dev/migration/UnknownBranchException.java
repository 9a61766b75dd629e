package dev.migration;

import java.util.List;

/** The part before {@code @} names no branch label and no revision. */
public class UnknownBranchException extends RevisionResolutionException {

	private final String branch;

	public UnknownBranchException(String identifier, String branch, List<String> labels) {
		super("No branch '" + branch + "' in '" + identifier + "': it is neither a branch label nor a revision"
				+ (labels.isEmpty() ? " (the graph has no branch labels)"
						: "; the branch labels are " + String.join(", ", labels)),
				identifier);
		this.branch = branch;
	}

	public String getBranch() {
		return this.branch;
	}

}
