package dev.migration;

import java.util.List;

/**
 * A relative identifier cannot choose a way: it starts from several current heads, or
 * walks through a branch point (up) or a merge point (down).
 */
public class AmbiguousRelativeRevisionException extends RevisionResolutionException {

	private final List<String> candidates;

	public AmbiguousRelativeRevisionException(String message, String identifier, List<String> candidates) {
		super(message, identifier);
		this.candidates = List.copyOf(candidates);
	}

	/** The revisions it could have gone to (or started from). */
	public List<String> getCandidates() {
		return this.candidates;
	}

}
