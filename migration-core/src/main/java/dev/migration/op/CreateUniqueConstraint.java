package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Add a unique constraint to an existing table.
 *
 * @param table the table
 * @param uniqueKey the constraint; it must be named
 */
public record CreateUniqueConstraint(String table, UniqueKey uniqueKey) implements Operation {

	public CreateUniqueConstraint {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(uniqueKey.name(), "uniqueKey.name");
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropConstraint(this.uniqueKey.name(), this.table, ConstraintType.UNIQUE, this));
	}

}
