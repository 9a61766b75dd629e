package dev.migration;

import java.util.List;

/**
 * A relative identifier cannot choose a way: it starts from several current heads, or
 * walks through a branch point (up) or a merge point (down).
 */
public class AmbiguousRelativeRevisionException extends RevisionResolutionException {

	public AmbiguousRelativeRevisionException(String message, String identifier, List<String> candidates) {
		super(message, identifier, candidates);
	}

	/** The revisions it could have gone to (or started from). */
	public List<String> getCandidates() {
		return getRevisions();
	}

}
