package dev.migration;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One migration step: its header (id, parents, labels, dependencies) and, once loaded
 * from a location, the body that runs it.
 *
 * @param id the revision id (letters, digits, {@code _}; 12 random hex chars by default)
 * @param message the human readable message from the header
 * @param revises the parent revision ids: none for a root, one for a linear step, several
 * for a merge point
 * @param dependsOn cross-branch dependencies that are not parents
 * @param branchLabels labels naming the branch that starts (or continues) here
 * @param created when the revision was authored, if the header says
 * @param transactional whether the step runs in a transaction where the database allows
 * it
 * @param kind where the body comes from
 * @param location the file or class that defines the revision, used in every message
 * @param checksum SHA-256 (hex) of the normalised script, {@code null} for Java
 * migrations without one
 * @param migration the body; {@code null} only for in-memory graphs built in tests
 * @param repeatable a repeatable script ({@code -- repeatable: true}): outside the graph,
 * no parents, run again after the versioned revisions of an upgrade whenever its checksum
 * changed
 */
public record Revision(String id, String message, List<String> revises, List<String> dependsOn,
		List<String> branchLabels, @Nullable Instant created, boolean transactional, Kind kind, String location,
		@Nullable String checksum, @Nullable Migration migration, boolean repeatable) {

	public Revision {
		Objects.requireNonNull(id, "id");
		message = (message != null) ? message : "";
		revises = List.copyOf(revises);
		dependsOn = List.copyOf(dependsOn);
		branchLabels = List.copyOf(branchLabels);
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(location, "location");
	}

	/**
	 * A versioned (not repeatable) revision.
	 * @param id the id
	 * @param message the message
	 * @param revises the parents
	 * @param dependsOn the dependencies
	 * @param branchLabels the labels
	 * @param created when authored
	 * @param transactional whether it runs in a transaction
	 * @param kind where the body comes from
	 * @param location the file or class
	 * @param checksum the checksum
	 * @param migration the body
	 */
	public Revision(String id, String message, List<String> revises, List<String> dependsOn, List<String> branchLabels,
			@Nullable Instant created, boolean transactional, Kind kind, String location, @Nullable String checksum,
			@Nullable Migration migration) {
		this(id, message, revises, dependsOn, branchLabels, created, transactional, kind, location, checksum, migration,
				false);
	}

	/**
	 * A body-less revision for graph tests and tools.
	 * @param id the id
	 * @param revises the parents
	 * @return the revision
	 */
	public static Revision of(String id, String... revises) {
		return new Revision(id, "", List.of(revises), List.of(), List.of(), null, true, Kind.SQL, id + ".sql", null,
				null);
	}

	public boolean isBase() {
		return this.revises.isEmpty();
	}

	public boolean isMergePoint() {
		return this.revises.size() > 1;
	}

	/** Where a revision's body comes from. */
	public enum Kind {

		/**
		 * A {@code .sql} file with {@code -- +upgrade} / {@code -- +downgrade} sections.
		 */
		SQL,

		/** A class implementing {@link Migration}. */
		JAVA

	}

}
