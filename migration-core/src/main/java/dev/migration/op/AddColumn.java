package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Add a column.
 *
 * @param table the table
 * @param column the new column
 */
public record AddColumn(String table, Column column) implements Operation {

	public AddColumn {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropColumn(this.table, this.column.name(), this.column));
	}

}
