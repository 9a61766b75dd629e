package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * {@code DROP TABLE}.
 *
 * @param table the table
 * @param definition the table as it was, needed only to reverse the drop
 */
public record DropTable(String table, @Nullable CreateTable definition) implements Operation {

	public DropTable {
		Objects.requireNonNull(table, "table");
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.ofNullable(this.definition);
	}

}
