package dev.migration.op;

import java.util.List;
import java.util.function.Supplier;

/** Which operations SQLite can do in place, and which need a table rebuild. */
final class SqliteSupport {

	private SqliteSupport() {
	}

	static boolean needsRebuild(List<Operation> operations, Supplier<TableDefinition> table) {
		return operations.stream().anyMatch((operation) -> needsRebuild(operation, table));
	}

	/**
	 * @param table reads the table, to tell whether a dropped column is used by an index
	 * or constraint; {@code null} to assume it is not
	 */
	static boolean needsRebuild(Operation operation, Supplier<TableDefinition> table) {
		if (operation instanceof AlterColumn op) {
			return op.type() != null || op.nullable() != null || op.defaultChange() != null;
		}
		if (operation instanceof AddColumn op) {
			Column column = op.column();
			return column.primaryKey() || (!column.nullable() && column.defaultValue() == null)
					|| (column.defaultValue() != null && column.defaultValue().trim().startsWith("CURRENT_"));
		}
		if (operation instanceof DropColumn op) {
			return table != null && usesColumn(table.get(), op.column());
		}
		return operation instanceof CreateForeignKey || operation instanceof CreateUniqueConstraint
				|| operation instanceof CreateCheckConstraint || operation instanceof DropConstraint;
	}

	private static boolean usesColumn(TableDefinition table, String column) {
		CreateTable definition = table.table();
		return definition.columns()
			.stream()
			.anyMatch((each) -> each.primaryKey() && each.name().equalsIgnoreCase(column))
				|| definition.uniqueKeys().stream().anyMatch((key) -> contains(key.columns(), column))
				|| definition.foreignKeys().stream().anyMatch((key) -> contains(key.columns(), column))
				|| table.indexes().stream().anyMatch((index) -> contains(index.columns(), column))
				|| !definition.checks().isEmpty();
	}

	private static boolean contains(List<String> names, String name) {
		return names.stream().anyMatch(name::equalsIgnoreCase);
	}

}
