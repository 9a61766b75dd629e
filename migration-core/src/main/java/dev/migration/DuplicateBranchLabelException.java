package dev.migration;

import java.util.List;

/**
 * A branch label is declared by two revisions, or equals the id of a revision, so it
 * would not name one branch.
 */
public class DuplicateBranchLabelException extends RevisionGraphException {

	private final String label;

	public DuplicateBranchLabelException(String message, String label, List<String> revisions, List<String> locations) {
		super(message, revisions, locations);
		this.label = label;
	}

	public static DuplicateBranchLabelException usedTwice(String label, String first, String firstLocation,
			String second, String secondLocation) {
		return new DuplicateBranchLabelException(
				"Branch label '" + label + "' is declared by revision " + first + " (" + firstLocation
						+ ") and by revision " + second + " (" + secondLocation
						+ "). A label names one branch: remove it from one of them, or rename one.",
				label, List.of(first, second), List.of(firstLocation, secondLocation));
	}

	public static DuplicateBranchLabelException equalsRevisionId(String label, String revision, String location,
			String idLocation) {
		return new DuplicateBranchLabelException(
				"Branch label '" + label + "' of revision " + revision + " (" + location
						+ ") is also the id of revision " + label + " (" + idLocation + "), so '" + label
						+ "' would be ambiguous. Rename the label.",
				label, List.of(revision, label), List.of(location, idLocation));
	}

	public String getLabel() {
		return this.label;
	}

}
