package dev.migration;

import java.util.List;

/**
 * A revision id or branch label contains characters the identifier grammar reserves.
 */
public class InvalidRevisionIdException extends RevisionGraphException {

	private final String identifier;

	private final String location;

	public InvalidRevisionIdException(String message, String identifier, String location) {
		super(message, List.of(identifier), List.of(location));
		this.identifier = identifier;
		this.location = location;
	}

	public static InvalidRevisionIdException revision(String id, String location) {
		return new InvalidRevisionIdException("Revision id '" + id + "' in " + location
				+ " is not valid: ids may contain only letters, digits and '_' (characters such as '@', ':', '+' "
				+ "and '-' are part of the identifier syntax, e.g. 'label@head', 'a:b', 'id+2'). Rename the "
				+ "revision and update the 'revises' of its children.", id, location);
	}

	public static InvalidRevisionIdException branchLabel(String label, String revision, String location) {
		return new InvalidRevisionIdException("Branch label '" + label + "' of revision " + revision + " in " + location
				+ " is not valid: labels may contain only letters, digits, '_', '.' and '-' and must "
				+ "not start with '+' or '-' (characters such as '@', ':' and '+' are part of the identifier "
				+ "syntax, e.g. 'label@head'). Rename the label.", label, location);
	}

	/** The offending id or label. */
	public String getIdentifier() {
		return this.identifier;
	}

	public String getLocation() {
		return this.location;
	}

}
