package dev.migration.graph;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.Revision;

/**
 * The DAG of all revisions, with Alembic's identifier grammar and traversal rules. Pure:
 * built from a list of revisions, no I/O.
 */
public final class RevisionGraph {

	// CONTRACT: the graph helper replaces every body below; signatures are shared with
	// the
	// command package and may only grow.

	/**
	 * Build and validate a graph: duplicate ids, bad id characters, missing parents,
	 * unknown dependencies, labels used twice, cycles and self-loops fail with the files
	 * named.
	 * @param revisions the revisions
	 * @return the graph
	 */
	public static RevisionGraph of(List<Revision> revisions) {
		throw new UnsupportedOperationException("RevisionGraph.of");
	}

	/** Every revision, bases first (topological order, ties broken by id). */
	public List<Revision> revisions() {
		throw new UnsupportedOperationException();
	}

	public @Nullable Revision get(String id) {
		throw new UnsupportedOperationException();
	}

	public List<Revision> heads() {
		throw new UnsupportedOperationException();
	}

	public List<Revision> bases() {
		throw new UnsupportedOperationException();
	}

	/** Revisions with more than one child. */
	public List<Revision> branchPoints() {
		throw new UnsupportedOperationException();
	}

	/**
	 * Resolve one identifier of SPEC's grammar to revision ids ({@code base} resolves to
	 * none, {@code heads} to every head).
	 * @param identifier the identifier
	 * @param currentHeads the database's current heads, for relative identifiers
	 * @return the ids
	 */
	public List<String> resolve(String identifier, Collection<String> currentHeads) {
		throw new UnsupportedOperationException();
	}

	public MigrationPlan planUpgrade(Collection<String> currentHeads, String target) {
		throw new UnsupportedOperationException();
	}

	public MigrationPlan planDowngrade(Collection<String> currentHeads, String target) {
		throw new UnsupportedOperationException();
	}

	public MigrationPlan planStamp(Collection<String> currentHeads, List<String> targets, boolean purge) {
		throw new UnsupportedOperationException();
	}

	/**
	 * Revisions in a range, newest first, as {@code history -r a:b} lists them.
	 * @param range {@code a:b}, {@code a:}, {@code :b} or {@code null} for all
	 * @param currentHeads the current heads, for {@code current} and relative ids in the
	 * range
	 * @return the revisions
	 */
	public List<Revision> history(@Nullable String range, Collection<String> currentHeads) {
		throw new UnsupportedOperationException();
	}

	/**
	 * All ancestors of the given revisions (parents and dependencies, transitively),
	 * inclusive.
	 */
	public java.util.Set<String> ancestorsOf(Collection<String> ids) {
		throw new UnsupportedOperationException();
	}

}
