package dev.migration.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A check found a problem: which check, at which revision, in which direction, what
 * differs (one line per difference, as a catalog diff) and, in the message, what to do.
 * An {@link AssertionError}, so that test runners and IDEs show it as a failed test.
 */
public class MigrationCheckFailure extends AssertionError {

	private final String check;

	private final @Nullable String revision;

	private final @Nullable String direction;

	private final List<String> differences;

	/**
	 * Create the failure.
	 * @param check the check ({@code single head}, {@code stairway}, ...)
	 * @param revision the revision id, {@code null} when the failure concerns no single
	 * revision
	 * @param direction {@code upgrade}, {@code downgrade}, or {@code null}
	 * @param message the whole message, remedy included
	 * @param differences the differences, one line each
	 * @param cause the underlying failure, if any
	 */
	public MigrationCheckFailure(String check, @Nullable String revision, @Nullable String direction, String message,
			List<String> differences, @Nullable Throwable cause) {
		super(message, cause);
		this.check = check;
		this.revision = revision;
		this.direction = direction;
		this.differences = List.copyOf(differences);
	}

	public String getCheck() {
		return this.check;
	}

	public @Nullable String getRevision() {
		return this.revision;
	}

	public @Nullable String getDirection() {
		return this.direction;
	}

	/** What differs, one line each; empty when the failure is not a comparison. */
	public List<String> getDifferences() {
		return this.differences;
	}

}
