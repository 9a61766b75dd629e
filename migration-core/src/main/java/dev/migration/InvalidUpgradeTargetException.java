package dev.migration;

import java.util.List;

/**
 * An upgrade target cannot be reached by upgrading: a {@code -N} identifier, or targets
 * that overlap (one is an ancestor of another). {@link #getRevisions()} names the
 * revisions involved (current heads, or the overlapping targets).
 */
public class InvalidUpgradeTargetException extends RevisionResolutionException {

	public InvalidUpgradeTargetException(String message, String target, List<String> revisions) {
		super(message, target, revisions);
	}

}
