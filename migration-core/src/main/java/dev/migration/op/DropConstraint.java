package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Drop a named constraint. The type matters on MySQL/MariaDB, which drop foreign keys,
 * unique keys and checks with different statements.
 *
 * @param name the constraint name
 * @param table the table
 * @param type the kind of constraint
 * @param definition the operation that created it, needed only to reverse the drop
 */
public record DropConstraint(String name, String table, ConstraintType type,
		@Nullable Operation definition) implements Operation {

	public DropConstraint {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(type, "type");
	}

	public static DropConstraint of(String name, String table, ConstraintType type) {
		return new DropConstraint(name, table, type, null);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.ofNullable(this.definition);
	}

}
