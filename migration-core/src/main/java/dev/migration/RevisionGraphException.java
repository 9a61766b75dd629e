package dev.migration;

import java.util.List;

/**
 * The revision graph cannot be built from the scripts found: the revisions and files
 * involved are kept as fields, the message says how to fix the headers.
 */
public class RevisionGraphException extends MigrationException {

	private final List<String> revisions;

	private final List<String> locations;

	public RevisionGraphException(String message, List<String> revisions, List<String> locations) {
		super(message);
		this.revisions = List.copyOf(revisions);
		this.locations = List.copyOf(locations);
	}

	/** The revision ids involved, in the order the message names them. */
	public List<String> getRevisions() {
		return this.revisions;
	}

	/** The files or classes involved, in the order the message names them. */
	public List<String> getLocations() {
		return this.locations;
	}

}
