package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Add a check constraint to an existing table.
 *
 * @param table the table
 * @param check the constraint; it must be named
 */
public record CreateCheckConstraint(String table, CheckConstraint check) implements Operation {

	public CreateCheckConstraint {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(check.name(), "check.name");
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropConstraint(this.check.name(), this.table, ConstraintType.CHECK, this));
	}

}
