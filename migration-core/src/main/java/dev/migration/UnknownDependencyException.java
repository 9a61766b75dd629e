package dev.migration;

/** A {@code depends-on} entry names no revision id and no branch label. */
public class UnknownDependencyException extends MissingParentException {

	public UnknownDependencyException(String revision, String location, String dependency) {
		super(revision, location, dependency, true);
	}

}
