package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Drop a column.
 *
 * @param table the table
 * @param column the column name
 * @param definition the column as it was, needed only to reverse the drop (as Alembic's
 * {@code existing_type})
 */
public record DropColumn(String table, String column, @Nullable Column definition) implements Operation {

	public DropColumn {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.ofNullable(this.definition).map((definition) -> new AddColumn(this.table, definition));
	}

}
