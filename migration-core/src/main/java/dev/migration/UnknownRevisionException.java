package dev.migration;

import java.util.List;

/**
 * No revision id, unique id prefix or branch label matches an identifier, or the version
 * table holds a revision no script defines.
 */
public class UnknownRevisionException extends RevisionResolutionException {

	private final List<String> suggestions;

	public UnknownRevisionException(String message, String identifier, List<String> suggestions) {
		super(message, identifier);
		this.suggestions = List.copyOf(suggestions);
	}

	public static UnknownRevisionException noSuchRevision(String identifier, List<String> suggestions) {
		StringBuilder message = new StringBuilder("No revision or branch label '" + identifier + "'");
		if (!suggestions.isEmpty()) {
			message.append("; did you mean ").append(String.join(", ", suggestions)).append('?');
		}
		else if (identifier.length() < 4) {
			message.append("; a partial revision id matches only ids longer than 3 characters, so type more of it");
		}
		else {
			message.append("; run 'history' to list the revisions");
		}
		return new UnknownRevisionException(message.toString(), identifier, suggestions);
	}

	public static UnknownRevisionException notInScripts(String revision) {
		return new UnknownRevisionException("The version table holds revision " + revision
				+ ", which no script defines. Restore its script, or move the version table to a known revision with "
				+ "'stamp --purge <revision>'.", revision, List.of());
	}

	/** Close matches (ids or labels), possibly empty. */
	public List<String> getSuggestions() {
		return this.suggestions;
	}

}
