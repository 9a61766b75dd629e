package dev.migration;

import java.util.List;

/**
 * A downgrade target is not below the current revisions: it is above them, on another
 * branch, or the identifier moves up.
 */
public class InvalidDowngradeTargetException extends RevisionResolutionException {

	public InvalidDowngradeTargetException(String message, String target, List<String> currentHeads) {
		super(message, target, currentHeads);
	}

	/** The current heads the target is not below. */
	public List<String> getCurrentHeads() {
		return getRevisions();
	}

}
