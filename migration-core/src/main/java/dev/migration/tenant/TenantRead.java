package dev.migration.tenant;

import org.jspecify.annotations.Nullable;

/**
 * What was read from one schema, or why it could not be read.
 *
 * @param schema the schema
 * @param value what was read, {@code null} when reading failed
 * @param error the failure's message, {@code null} on success
 * @param <T> what was read
 */
public record TenantRead<T>(String schema, @Nullable T value, @Nullable String error) {

	/** Whether the schema was read. */
	public boolean succeeded() {
		return this.error == null;
	}

}
