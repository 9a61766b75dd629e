package dev.migration.autogenerate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migration.op.TableDefinition;

/**
 * A schema: its tables with columns, keys, constraints and indexes, in the operations
 * API's own terms so that a difference is directly a list of operations.
 *
 * @param tables the tables
 */
public record SchemaModel(List<TableDefinition> tables) {

	public SchemaModel {
		tables = List.copyOf(tables);
	}

	/** The table with the name (case-insensitive), if any. */
	public Optional<TableDefinition> table(String name) {
		return this.tables.stream().filter((table) -> table.name().equalsIgnoreCase(name)).findFirst();
	}

	/** Table names, lower case, in the model's order. */
	public List<String> tableNames() {
		return this.tables.stream().map((table) -> table.name().toLowerCase(Locale.ROOT)).toList();
	}

}
