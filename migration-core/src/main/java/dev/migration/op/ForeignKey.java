package dev.migration.op;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A foreign key from {@code columns} to {@code referencedColumns} of
 * {@code referencedTable}.
 *
 * @param name the constraint name ({@code null}: the database picks one; such a key
 * cannot be dropped portably)
 * @param columns the referencing columns
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns
 * @param onDelete the {@code ON DELETE} action ({@code CASCADE}, {@code SET NULL}, ...),
 * {@code null} for the default
 */
public record ForeignKey(@Nullable String name, List<String> columns, String referencedTable,
		List<String> referencedColumns, @Nullable String onDelete) {

	public ForeignKey {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
		Objects.requireNonNull(referencedTable, "referencedTable");
		if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
			throw new IllegalArgumentException("Foreign key " + name + " needs as many columns " + columns
					+ " as referenced columns " + referencedColumns);
		}
	}

	public static ForeignKey of(String name, String column, String referencedTable, String referencedColumn) {
		return new ForeignKey(name, List.of(column), referencedTable, List.of(referencedColumn), null);
	}

	public ForeignKey onDelete(@Nullable String action) {
		return new ForeignKey(this.name, this.columns, this.referencedTable, this.referencedColumns, action);
	}

}
