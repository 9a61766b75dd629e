package dev.migration.op;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A check constraint.
 *
 * @param name the constraint name, {@code null} to let the database pick one
 * @param condition the SQL condition, without the surrounding parentheses
 */
public record CheckConstraint(@Nullable String name, String condition) {

	public CheckConstraint {
		Objects.requireNonNull(condition, "condition");
	}

}
