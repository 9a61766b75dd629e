package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Add a foreign key to an existing table.
 *
 * @param table the referencing table
 * @param foreignKey the key; it must be named so that it can be dropped
 */
public record CreateForeignKey(String table, ForeignKey foreignKey) implements Operation {

	public CreateForeignKey {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(foreignKey.name(), "foreignKey.name");
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropConstraint(this.foreignKey.name(), this.table, ConstraintType.FOREIGN_KEY, this));
	}

}
