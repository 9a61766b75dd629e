package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Change a column's type, nullability, default or name. Unchanged aspects are
 * {@code null}. The {@code existing*} fields describe the column before the change: MySQL
 * needs the existing type to rewrite the column, and the inverse needs the old value of
 * every aspect that changes.
 *
 * @param table the table
 * @param column the column's current name
 * @param type the new type, or {@code null}
 * @param nullable the new nullability, or {@code null}
 * @param defaultChange the new default, or {@code null} to leave it
 * @param newName the new name, or {@code null}
 * @param existing the column as it is before the change, or {@code null} when unknown
 */
public record AlterColumn(String table, String column, @Nullable ColumnType type, @Nullable Boolean nullable,
		@Nullable DefaultChange defaultChange, @Nullable String newName,
		@Nullable Column existing) implements Operation {

	public AlterColumn {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

	/**
	 * Start an alteration of a column; add what changes with {@link #type},
	 * {@link #nullable}, {@link #defaultValue} and {@link #rename}.
	 */
	public static AlterColumn of(String table, String column) {
		return new AlterColumn(table, column, null, null, null, null, null);
	}

	/** Whether anything changes. */
	public boolean changesNothing() {
		return this.type == null && this.nullable == null && this.defaultChange == null && !renames();
	}

	public AlterColumn type(ColumnType type) {
		return new AlterColumn(this.table, this.column, type, this.nullable, this.defaultChange, rename(),
				this.existing);
	}

	public AlterColumn nullable(boolean nullable) {
		return new AlterColumn(this.table, this.column, this.type, nullable, this.defaultChange, rename(),
				this.existing);
	}

	public AlterColumn defaultValue(@Nullable String sql) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, new DefaultChange(sql), rename(),
				this.existing);
	}

	public AlterColumn rename(String newName) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, this.defaultChange, newName,
				this.existing);
	}

	public AlterColumn existing(Column existing) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, this.defaultChange, rename(),
				existing);
	}

	private @Nullable String rename() {
		return (this.newName != null && !this.newName.equals(this.column)) ? this.newName : null;
	}

	/** The name after the change. */
	public String finalName() {
		return (this.newName != null) ? this.newName : this.column;
	}

	/** Whether the new name differs from the current one. */
	public boolean renames() {
		return this.newName != null && !this.newName.equals(this.column);
	}

	/** The column after the change; needs {@link #existing()}. */
	public Optional<Column> after() {
		if (this.existing == null) {
			return Optional.empty();
		}
		Column after = this.existing.withName(finalName());
		if (this.type != null) {
			after = after.withType(this.type);
		}
		if (this.nullable != null) {
			after = after.nullable(this.nullable);
		}
		if (this.defaultChange != null) {
			after = after.defaultValue(this.defaultChange.sql());
		}
		return Optional.of(after);
	}

	@Override
	public Optional<Operation> reverse() {
		if (this.existing == null) {
			return renames() && this.type == null && this.nullable == null && this.defaultChange == null
					? Optional.of(of(this.table, finalName()).rename(this.column)) : Optional.empty();
		}
		Column after = after().orElseThrow();
		AlterColumn inverse = new AlterColumn(this.table, finalName(),
				(this.type != null) ? this.existing.type() : null,
				(this.nullable != null) ? this.existing.nullable() : null,
				(this.defaultChange != null) ? new DefaultChange(this.existing.defaultValue()) : null,
				renames() ? this.column : null, after);
		return Optional.of(inverse);
	}

	/**
	 * A new default.
	 *
	 * @param sql the default expression, {@code null} to drop the default
	 */
	public record DefaultChange(@Nullable String sql) {

	}

}
