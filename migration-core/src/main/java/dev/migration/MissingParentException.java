package dev.migration;

import java.util.List;

/**
 * A revision revises, or depends on, a revision that no script defines.
 * {@link #getRevisions()} holds the revision and the missing reference, in that order.
 */
public class MissingParentException extends RevisionGraphException {

	private final boolean dependency;

	public MissingParentException(String revision, String location, String missing, boolean dependency) {
		super("Revision " + revision + " in " + location + (dependency ? " depends on " : " revises ") + missing
				+ ", but no script defines " + (dependency ? "a revision or branch label '" + missing + "'" : missing)
				+ ". Fix the '" + (dependency ? "depends-on" : "revises") + "' header of " + location
				+ ", or restore the missing script.", List.of(revision, missing), List.of(location));
		this.dependency = dependency;
	}

	public String getRevision() {
		return getRevisions().get(0);
	}

	/** The id (or, for a dependency, id or label) that no script defines. */
	public String getMissing() {
		return getRevisions().get(1);
	}

	/** Whether the missing reference is a {@code depends-on} entry. */
	public boolean isDependency() {
		return this.dependency;
	}

}
