package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * A migration written in Java. Annotate the class with {@link RevisionInfo}; it is found
 * by classpath scanning of the configured locations, or passed to the configuration
 * directly (the Spring starter passes every {@code Migration} bean).
 */
public interface Migration {

	/**
	 * Apply this revision.
	 * @param context the connection, dialect and operations
	 * @throws Exception any failure; the step is rolled back where the database allows
	 */
	void upgrade(MigrationContext context) throws Exception;

	/**
	 * Revert this revision. The default refuses: a migration without a downgrade cannot
	 * be reverted.
	 * @param context the connection, dialect and operations
	 * @throws Exception any failure
	 */
	default void downgrade(MigrationContext context) throws Exception {
		throw new DowngradeNotSupportedException(getClass().getName());
	}

	/**
	 * Whether {@link #downgrade} is implemented.
	 * @return {@code true} when the migration overrides {@code downgrade}
	 */
	default boolean hasDowngrade() {
		try {
			return getClass().getMethod("downgrade", MigrationContext.class).getDeclaringClass() != Migration.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	/**
	 * A checksum recorded when the revision is applied and compared later, as a script's
	 * is. The default, {@code null}, means the SHA-256 of the class file, so any edit
	 * (once recompiled) is detected; return a constant (a version string, say) to decide
	 * yourself which edits count, e.g. when a build changes the class file without a
	 * change in what the migration does. After an intended change, run {@code repair}.
	 * @return the checksum, or {@code null} for the class file's
	 */
	default @Nullable String checksum() {
		return null;
	}

}
