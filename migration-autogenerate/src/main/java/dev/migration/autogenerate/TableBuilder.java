package dev.migration.autogenerate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.op.Column;
import dev.migration.op.CreateIndex;
import dev.migration.op.CreateTable;
import dev.migration.op.ForeignKey;
import dev.migration.op.TableDefinition;
import dev.migration.op.UniqueKey;

/**
 * Collects what the catalogue queries return, row by row, into {@link TableDefinition}s.
 */
final class TableBuilder {

	private final Map<String, Table> tables = new LinkedHashMap<>();

	void table(String name) {
		this.tables.computeIfAbsent(name, Table::new);
	}

	boolean has(String table) {
		return this.tables.containsKey(table);
	}

	void column(String table, Column column) {
		Table each = this.tables.get(table);
		if (each != null) {
			each.columns.put(column.name(), column);
		}
	}

	void primaryKey(String table, String column) {
		Table each = this.tables.get(table);
		if (each != null && each.columns.containsKey(column)) {
			each.columns.put(column, each.columns.get(column).asPrimaryKey());
			each.primaryKey.add(column);
		}
	}

	/** Add one column to a named unique constraint. */
	void unique(String table, String name, String column) {
		Table each = this.tables.get(table);
		if (each != null) {
			each.uniques.computeIfAbsent(name, (key) -> new ArrayList<>()).add(column);
		}
	}

	/** Add one column pair to a named foreign key. */
	void foreignKey(String table, String name, String column, String referencedTable, String referencedColumn,
			@Nullable String onDelete) {
		Table each = this.tables.get(table);
		if (each != null) {
			ForeignKeyParts parts = each.foreignKeys.computeIfAbsent(name,
					(key) -> new ForeignKeyParts(referencedTable, onDelete));
			parts.columns.add(column);
			parts.referencedColumns.add(referencedColumn);
		}
	}

	/** Add one column to a named index. */
	void index(String table, String name, boolean unique, String column) {
		Table each = this.tables.get(table);
		if (each != null) {
			each.indexes.computeIfAbsent(name, (key) -> new IndexParts(unique)).columns.add(column);
		}
	}

	List<TableDefinition> build() {
		List<TableDefinition> result = new ArrayList<>();
		for (Table table : this.tables.values()) {
			if (table.columns.isEmpty()) {
				continue;
			}
			CreateTable create = new CreateTable(table.name, keyOrder(table), List.of(), List.of(), List.of());
			for (Map.Entry<String, List<String>> unique : table.uniques.entrySet()) {
				create = create.withUnique(new UniqueKey(unique.getKey(), unique.getValue()));
			}
			for (Map.Entry<String, ForeignKeyParts> key : table.foreignKeys.entrySet()) {
				ForeignKeyParts parts = key.getValue();
				create = create.withForeignKey(new ForeignKey(key.getKey(), parts.columns, parts.referencedTable,
						parts.referencedColumns, parts.onDelete));
			}
			List<CreateIndex> indexes = new ArrayList<>();
			table.indexes.forEach((name, parts) -> indexes
				.add(new CreateIndex(name, table.name, List.copyOf(parts.columns), parts.unique, false)));
			result.add(new TableDefinition(create, indexes));
		}
		return result;
	}

	/**
	 * The columns, a composite primary key's first and in key order: a table states its
	 * key's order only through its columns' order.
	 */
	private static List<Column> keyOrder(Table table) {
		if (table.primaryKey.size() < 2) {
			return List.copyOf(table.columns.values());
		}
		List<Column> columns = new ArrayList<>();
		table.primaryKey.forEach((name) -> columns.add(table.columns.get(name)));
		table.columns.values().stream().filter((column) -> !column.primaryKey()).forEach(columns::add);
		return columns;
	}

	private static final class Table {

		final String name;

		final Map<String, Column> columns = new LinkedHashMap<>();

		final List<String> primaryKey = new ArrayList<>();

		final Map<String, List<String>> uniques = new LinkedHashMap<>();

		final Map<String, ForeignKeyParts> foreignKeys = new LinkedHashMap<>();

		final Map<String, IndexParts> indexes = new LinkedHashMap<>();

		Table(String name) {
			this.name = name;
		}

	}

	private static final class ForeignKeyParts {

		final String referencedTable;

		final @Nullable String onDelete;

		final List<String> columns = new ArrayList<>();

		final List<String> referencedColumns = new ArrayList<>();

		ForeignKeyParts(String referencedTable, @Nullable String onDelete) {
			this.referencedTable = referencedTable;
			this.onDelete = ("NO ACTION".equalsIgnoreCase(onDelete) || "RESTRICT".equalsIgnoreCase(onDelete)) ? null
					: onDelete;
		}

	}

	private static final class IndexParts {

		final boolean unique;

		final Set<String> columns = new LinkedHashSet<>();

		IndexParts(boolean unique) {
			this.unique = unique;
		}

	}

}
