package dev.migration.op;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Insert rows, rendered as one {@code INSERT ... VALUES} with literals so that offline
 * SQL shows the data. Values may be {@code null}, {@link String}, {@link Number},
 * {@link Boolean}, {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime},
 * {@link OffsetDateTime}, {@link UUID} or {@code byte[]}. Not reversible.
 *
 * @param table the table
 * @param columns the column names
 * @param rows the rows, each with one value per column
 */
public record BulkInsert(String table, List<String> columns, List<List<@Nullable Object>> rows) implements Operation {

	public BulkInsert {
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
		List<List<@Nullable Object>> copy = new ArrayList<>();
		for (List<@Nullable Object> row : rows) {
			if (row.size() != columns.size()) {
				throw new IllegalArgumentException(
						"Row " + row + " for " + table + " has " + row.size() + " values for columns " + columns);
			}
			copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
		}
		rows = Collections.unmodifiableList(copy);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.empty();
	}

}
