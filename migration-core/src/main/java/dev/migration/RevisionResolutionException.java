package dev.migration;

/**
 * A revision identifier ({@code head}, {@code ae10+2}, {@code label@-1}, {@code a:b},
 * ...) cannot be resolved against the graph and the current heads. Subclasses say why.
 */
public class RevisionResolutionException extends MigrationException {

	private final String identifier;

	public RevisionResolutionException(String message, String identifier) {
		super(message);
		this.identifier = identifier;
	}

	/** The identifier as the user wrote it (or the part of it that failed). */
	public String getIdentifier() {
		return this.identifier;
	}

}
