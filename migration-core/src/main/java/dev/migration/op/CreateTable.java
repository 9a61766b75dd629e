package dev.migration.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CREATE TABLE} with its columns, primary key (columns flagged
 * {@link Column#primaryKey()}), unique constraints, foreign keys and checks. Indexes are
 * separate {@link CreateIndex} operations.
 *
 * @param table the table name
 * @param columns the columns, in order
 * @param uniqueKeys unique constraints
 * @param foreignKeys foreign keys
 * @param checks check constraints
 */
public record CreateTable(String table, List<Column> columns, List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys,
		List<CheckConstraint> checks) implements Operation {

	public CreateTable {
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
		uniqueKeys = List.copyOf(uniqueKeys);
		foreignKeys = List.copyOf(foreignKeys);
		checks = List.copyOf(checks);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Table " + table + " needs at least one column");
		}
	}

	public static CreateTable of(String table, Column... columns) {
		return new CreateTable(table, List.of(columns), List.of(), List.of(), List.of());
	}

	public CreateTable withUnique(UniqueKey key) {
		return new CreateTable(this.table, this.columns, append(this.uniqueKeys, key), this.foreignKeys, this.checks);
	}

	public CreateTable withForeignKey(ForeignKey key) {
		return new CreateTable(this.table, this.columns, this.uniqueKeys, append(this.foreignKeys, key), this.checks);
	}

	public CreateTable withCheck(CheckConstraint check) {
		return new CreateTable(this.table, this.columns, this.uniqueKeys, this.foreignKeys, append(this.checks, check));
	}

	public CreateTable withColumns(List<Column> columns) {
		return new CreateTable(this.table, columns, this.uniqueKeys, this.foreignKeys, this.checks);
	}

	public CreateTable named(String table) {
		return new CreateTable(table, this.columns, this.uniqueKeys, this.foreignKeys, this.checks);
	}

	/** The primary key columns, in column order. */
	public List<String> primaryKey() {
		return this.columns.stream().filter(Column::primaryKey).map(Column::name).toList();
	}

	/** The column with the name (case-insensitive), if any. */
	public Optional<Column> column(String name) {
		return this.columns.stream().filter((column) -> column.name().equalsIgnoreCase(name)).findFirst();
	}

	static <T> List<T> append(List<T> list, T item) {
		List<T> copy = new ArrayList<>(list);
		copy.add(item);
		return copy;
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropTable(this.table, this));
	}

}
