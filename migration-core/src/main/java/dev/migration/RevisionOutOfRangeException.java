package dev.migration;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A relative identifier walks past the newest revision ({@code +N}) or below base
 * ({@code -N}). {@link #getRevisions()} holds the revision it started from, none for
 * base.
 */
public class RevisionOutOfRangeException extends RevisionResolutionException {

	private final int requested;

	private final int available;

	public RevisionOutOfRangeException(String identifier, @Nullable String start, int requested, int available) {
		super(message(identifier, start, requested, available), identifier,
				(start != null) ? List.of(start) : List.of());
		this.requested = requested;
		this.available = available;
	}

	private static String message(String identifier, @Nullable String start, int requested, int available) {
		String from = (start != null) ? start : "base";
		if (requested > 0) {
			return "Cannot resolve '" + identifier + "': it goes " + requested + " revision(s) up, but there "
					+ ((available == 1) ? "is" : "are") + " only " + available + " revision(s) above " + from
					+ "; use a smaller number or 'heads'";
		}
		return "Cannot resolve '" + identifier + "': it goes " + (-requested) + " step(s) down, but " + from
				+ " is only " + available + " step(s) above base; use a smaller number or 'base'";
	}

	/** Where the walk started; {@code null} for base. */
	public @Nullable String getStart() {
		List<String> revisions = getRevisions();
		return revisions.isEmpty() ? null : revisions.get(0);
	}

	/** Steps requested: positive up, negative down. */
	public int getRequested() {
		return this.requested;
	}

	/** Steps that exist in that direction. */
	public int getAvailable() {
		return this.available;
	}

}
