package dev.migration.autogenerate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.migration.op.TableDefinition;

/**
 * A schema: its tables with columns, keys, constraints and indexes, in the operations
 * API's own terms so that a difference is directly a list of operations, and its
 * sequences.
 *
 * @param tables the tables
 * @param sequences the sequences (not those an identity or serial column owns)
 * @param comments the table and column comments, by {@code table} or {@code table.column}
 * in lower case
 * @param primaryKeyNames the names of the primary key constraints where the database
 * names them (PostgreSQL), by table in lower case
 */
public record SchemaModel(List<TableDefinition> tables, List<Sequence> sequences, Map<String, String> comments,
		Map<String, String> primaryKeyNames) {

	public SchemaModel {
		tables = List.copyOf(tables);
		sequences = List.copyOf(sequences);
		comments = Map.copyOf(comments);
		primaryKeyNames = Map.copyOf(primaryKeyNames);
	}

	/** A schema of tables only. */
	public SchemaModel(List<TableDefinition> tables) {
		this(tables, List.of(), Map.of(), Map.of());
	}

	/** A schema of tables and sequences, without comments. */
	public SchemaModel(List<TableDefinition> tables, List<Sequence> sequences) {
		this(tables, sequences, Map.of(), Map.of());
	}

	/** The table with the name (case-insensitive), if any. */
	public Optional<TableDefinition> table(String name) {
		return this.tables.stream().filter((table) -> table.name().equalsIgnoreCase(name)).findFirst();
	}

	/** Table names, lower case, in the model's order. */
	public List<String> tableNames() {
		return this.tables.stream().map((table) -> table.name().toLowerCase(Locale.ROOT)).toList();
	}

	/** The same tables with other sequences. */
	SchemaModel withSequences(List<Sequence> sequences) {
		return new SchemaModel(this.tables, sequences, this.comments, this.primaryKeyNames);
	}

	/** The same sequences with other tables. */
	SchemaModel withTables(List<TableDefinition> tables) {
		return new SchemaModel(tables, this.sequences, this.comments, this.primaryKeyNames);
	}

	/** The same tables and sequences with other comments. */
	SchemaModel withComments(Map<String, String> comments) {
		return new SchemaModel(this.tables, this.sequences, comments, this.primaryKeyNames);
	}

	/** The same schema with other primary key names. */
	SchemaModel withPrimaryKeyNames(Map<String, String> names) {
		return new SchemaModel(this.tables, this.sequences, this.comments, names);
	}

	/**
	 * A sequence, as Hibernate's {@code @SequenceGenerator} (or a plain
	 * {@code @GeneratedValue}) needs it.
	 *
	 * @param name the name
	 * @param start the start value
	 * @param increment the increment (Hibernate's allocation size)
	 */
	public record Sequence(String name, long start, long increment) {

	}

}
