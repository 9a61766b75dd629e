package dev.migration.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CREATE [UNIQUE] INDEX}.
 *
 * @param name the index name
 * @param table the table
 * @param columns the indexed columns
 * @param unique whether the index is unique
 * @param concurrently build without locking writes (PostgreSQL only; the revision must
 * not be transactional); ignored elsewhere
 */
public record CreateIndex(String name, String table, List<String> columns, boolean unique,
		boolean concurrently) implements Operation {

	public CreateIndex {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Index " + name + " needs at least one column");
		}
	}

	public static CreateIndex of(String name, String table, String... columns) {
		return new CreateIndex(name, table, List.of(columns), false, false);
	}

	public CreateIndex asUnique() {
		return new CreateIndex(this.name, this.table, this.columns, true, this.concurrently);
	}

	public CreateIndex asConcurrent() {
		return new CreateIndex(this.name, this.table, this.columns, this.unique, true);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropIndex(this.name, this.table, this.concurrently, this));
	}

}
