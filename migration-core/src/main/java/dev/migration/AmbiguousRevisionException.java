package dev.migration;

import java.util.List;

/** A partial revision id matches several revisions. */
public class AmbiguousRevisionException extends RevisionResolutionException {

	private static final int SHOWN = 10;

	private final List<String> candidates;

	public AmbiguousRevisionException(String prefix, List<String> candidates) {
		super("Revision prefix '" + prefix + "' is ambiguous: it matches " + ((candidates.size() <= SHOWN)
				? String.join(", ", candidates)
				: String.join(", ", candidates.subList(0, SHOWN)) + " and " + (candidates.size() - SHOWN) + " more")
				+ "; type more characters of the id", prefix);
		this.candidates = List.copyOf(candidates);
	}

	public List<String> getCandidates() {
		return this.candidates;
	}

}
