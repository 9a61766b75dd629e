package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migration.op.CreateTable;
import dev.migration.op.TableDefinition;

/**
 * SQLite: the table list from {@code sqlite_master}, then each table from its
 * {@code PRAGMA}s (in process, so a query per table costs little).
 */
final class SqliteCatalog {

	private static final String TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' "
			+ "AND name NOT LIKE 'sqlite_%' AND name <> ? ORDER BY name";

	private SqliteCatalog() {
	}

	static List<TableDefinition> read(Connection connection, Set<String> ignored) throws SQLException {
		List<String> names = new ArrayList<>();
		SchemaReader.query(connection, TABLES, "", (rs) -> {
			if (!SchemaReader.ignored(ignored, rs.getString(1))) {
				names.add(rs.getString(1));
			}
		});
		List<TableDefinition> tables = new ArrayList<>();
		for (String name : names) {
			TableDefinition table = TableDefinition.readSqlite(connection, name);
			CreateTable create = table.table();
			// the PRAGMA reports defaults as written; normalise them as for the other
			// databases
			// a single INTEGER PRIMARY KEY without AUTOINCREMENT is SQLite's row id,
			// which
			// generates values too; it is kept as written so that it is recreated as it
			// was
			create = create.withColumns(create.columns()
				.stream()
				.map((column) -> column.defaultValue(Defaults.normalize(column.defaultValue())))
				.toList());
			tables.add(new TableDefinition(create, table.indexes()));
		}
		return tables;
	}

}
