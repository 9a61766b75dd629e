package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Rename a table.
 *
 * @param table the current name
 * @param newName the new name
 */
public record RenameTable(String table, String newName) implements Operation {

	public RenameTable {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(newName, "newName");
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new RenameTable(this.newName, this.table));
	}

}
