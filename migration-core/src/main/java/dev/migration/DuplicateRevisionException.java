package dev.migration;

import java.util.List;

/** Two scripts claim the same revision id. */
public class DuplicateRevisionException extends RevisionGraphException {

	private final String revision;

	public DuplicateRevisionException(String revision, String firstLocation, String secondLocation) {
		super("Revision " + revision + " is defined twice: in " + firstLocation + " and in " + secondLocation
				+ ". Every revision needs its own id: give one of them a new id (and update the 'revises' of its "
				+ "children) or delete the copy.", List.of(revision), List.of(firstLocation, secondLocation));
		this.revision = revision;
	}

	public String getRevision() {
		return this.revision;
	}

}
