package dev.migration;

import java.util.List;

/**
 * An upgrade target cannot be reached by upgrading: a {@code -N} identifier, or targets
 * that overlap (one is an ancestor of another).
 */
public class InvalidUpgradeTargetException extends RevisionResolutionException {

	private final List<String> revisions;

	public InvalidUpgradeTargetException(String message, String target, List<String> revisions) {
		super(message, target);
		this.revisions = List.copyOf(revisions);
	}

	/** The revisions involved (current heads, or the overlapping targets). */
	public List<String> getRevisions() {
		return this.revisions;
	}

}
