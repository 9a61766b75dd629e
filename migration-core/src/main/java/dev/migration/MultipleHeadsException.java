package dev.migration;

import java.util.List;

/** {@code head} (or {@code label@head}) was asked for, but there are several heads. */
public class MultipleHeadsException extends RevisionResolutionException {

	private final List<String> heads;

	public MultipleHeadsException(String identifier, List<String> heads) {
		super("'" + identifier + "' is ambiguous: there are " + heads.size() + " heads (" + String.join(", ", heads)
				+ "); name a head, use 'heads', or run 'merge'", identifier);
		this.heads = List.copyOf(heads);
	}

	public List<String> getHeads() {
		return this.heads;
	}

}
