package dev.migration;

import java.util.List;

/**
 * A revision identifier ({@code head}, {@code ae10+2}, {@code label@-1}, {@code a:b},
 * ...) cannot be resolved against the graph and the current heads. Subclasses say why;
 * the revisions involved are kept in the order the subclass's getters name them.
 */
public class RevisionResolutionException extends MigrationException {

	private final String identifier;

	private final List<String> revisions;

	public RevisionResolutionException(String message, String identifier) {
		this(message, identifier, List.of());
	}

	/**
	 * Create the exception.
	 * @param message what is wrong and what to do
	 * @param identifier the identifier as the user wrote it
	 * @param revisions the revisions involved
	 */
	protected RevisionResolutionException(String message, String identifier, List<String> revisions) {
		super(message);
		this.identifier = identifier;
		this.revisions = List.copyOf(revisions);
	}

	/** The identifier as the user wrote it (or the part of it that failed). */
	public String getIdentifier() {
		return this.identifier;
	}

	/**
	 * The revisions involved; each subclass's getters say what they are.
	 * @return the revisions, empty when the failure involves none
	 */
	public List<String> getRevisions() {
		return this.revisions;
	}

}
