package dev.migration.op;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unique constraint.
 *
 * @param name the constraint name, {@code null} to let the database pick one
 * @param columns the columns
 */
public record UniqueKey(@Nullable String name, List<String> columns) {

	public UniqueKey {
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Unique constraint " + name + " needs at least one column");
		}
	}

	public static UniqueKey of(String name, String... columns) {
		return new UniqueKey(name, List.of(columns));
	}

}
