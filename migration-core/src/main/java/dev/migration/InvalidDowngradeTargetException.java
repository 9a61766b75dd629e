package dev.migration;

import java.util.List;

/**
 * A downgrade target is not below the current revisions: it is above them, on another
 * branch, or the identifier moves up.
 */
public class InvalidDowngradeTargetException extends RevisionResolutionException {

	private final List<String> currentHeads;

	public InvalidDowngradeTargetException(String message, String target, List<String> currentHeads) {
		super(message, target);
		this.currentHeads = List.copyOf(currentHeads);
	}

	public List<String> getCurrentHeads() {
		return this.currentHeads;
	}

}
