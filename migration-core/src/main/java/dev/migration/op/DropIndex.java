package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * {@code DROP INDEX}.
 *
 * @param name the index name
 * @param table the table (MySQL/MariaDB name the table in {@code DROP INDEX})
 * @param concurrently drop without locking (PostgreSQL only)
 * @param definition the index as it was, needed only to reverse the drop
 */
public record DropIndex(String name, String table, boolean concurrently,
		@Nullable CreateIndex definition) implements Operation {

	public DropIndex {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
	}

	public static DropIndex of(String name, String table) {
		return new DropIndex(name, table, false, null);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.ofNullable(this.definition);
	}

}
