package dev.migration.op;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A table with its indexes: what a SQLite batch rebuild recreates. Pass one to
 * {@link Operations#batchAlterTable(TableDefinition, Consumer)} for offline SQL, where
 * the table cannot be read from the database.
 *
 * @param table the table, its columns and constraints
 * @param indexes the table's indexes (not those backing unique constraints)
 */
public record TableDefinition(CreateTable table, List<CreateIndex> indexes) {

	public TableDefinition {
		Objects.requireNonNull(table, "table");
		indexes = List.copyOf(indexes);
	}

	/**
	 * Read one SQLite table (columns, keys, named constraints, checks and indexes) from
	 * the database, as the batch rebuild does.
	 * @param connection a connection to a SQLite database
	 * @param table the table name
	 * @return the table
	 */
	public static TableDefinition readSqlite(Connection connection, String table) {
		return SqliteTableReader.read(connection, table);
	}

	TableDefinition self() {
		return this;
	}

	public String name() {
		return this.table.table();
	}

}
