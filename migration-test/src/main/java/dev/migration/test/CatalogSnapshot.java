package dev.migration.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.migration.MigrationConfig;
import dev.migration.autogenerate.SchemaModel;
import dev.migration.autogenerate.SchemaObjects;
import dev.migration.autogenerate.SchemaReader;
import dev.migration.op.Column;
import dev.migration.op.CreateIndex;
import dev.migration.op.CreateTable;
import dev.migration.op.ForeignKey;
import dev.migration.op.TableDefinition;
import dev.migration.op.UniqueKey;
import dev.migration.sql.Dialect;

/**
 * The schema as sorted lines, read with migration-autogenerate's catalog readers: tables,
 * columns (type, nullability, default, identity), primary keys, unique constraints,
 * foreign keys, indexes, checks, views, sequences, routines and triggers. The engine's
 * own version and history tables are left out. Unique constraints and foreign keys are
 * compared by their columns, since databases name unnamed ones differently on every run.
 */
record CatalogSnapshot(List<String> lines) {

	static CatalogSnapshot read(MigrationConfig config) {
		DataSource dataSource = config.dataSource();
		try (Connection connection = dataSource.getConnection()) {
			Dialect dialect = (config.dialect() != null) ? config.dialect() : Dialect.detect(connection);
			SchemaModel model = SchemaReader.read(connection, dialect, config.schema(),
					List.of(config.versionTable(), config.historyTable(), config.formatTable()));
			TreeSet<String> lines = new TreeSet<>();
			for (TableDefinition table : model.tables()) {
				describe(table, dialect, lines);
			}
			lines.addAll(SchemaObjects.read(connection, dialect, config.schema()).lines());
			return new CatalogSnapshot(List.copyOf(lines));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the catalog: " + ex.getMessage(), ex);
		}
	}

	private static void describe(TableDefinition definition, Dialect dialect, TreeSet<String> lines) {
		CreateTable table = definition.table();
		String name = lower(table.table());
		lines.add("table " + name);
		for (Column column : table.columns()) {
			lines.add("column " + name + "." + lower(column.name()) + " " + column.type().toSql(dialect)
					+ (column.nullable() ? "" : " not null")
					+ ((column.defaultValue() != null) ? " default " + column.defaultValue() : "")
					+ (column.identity() ? " identity" : ""));
		}
		if (!table.primaryKey().isEmpty()) {
			lines.add("primary key " + name + " " + columns(table.primaryKey()));
		}
		for (UniqueKey key : table.uniqueKeys()) {
			lines.add("unique " + name + " " + columns(key.columns()));
		}
		for (ForeignKey key : table.foreignKeys()) {
			lines.add("foreign key " + name + " " + columns(key.columns()) + " -> " + lower(key.referencedTable()) + " "
					+ columns(key.referencedColumns())
					+ ((key.onDelete() != null) ? " on delete " + key.onDelete().toLowerCase(Locale.ROOT) : ""));
		}
		// check constraints come from SchemaObjects, as the database prints them
		for (CreateIndex index : definition.indexes()) {
			lines.add((index.unique() ? "unique index " : "index ") + lower(index.name()) + " on " + name + " "
					+ columns(index.columns()));
		}
	}

	private static String columns(List<String> columns) {
		return "(" + String.join(", ", columns.stream().map(CatalogSnapshot::lower).toList()) + ")";
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * What differs, one line each: {@code added} and the line for what is there now and
	 * was not before, {@code removed} and the line for what was there and is gone.
	 */
	List<String> differencesFrom(CatalogSnapshot before, String added, String removed) {
		List<String> differences = new ArrayList<>();
		TreeSet<String> was = new TreeSet<>(before.lines);
		TreeSet<String> now = new TreeSet<>(this.lines);
		for (String line : now) {
			if (!was.contains(line)) {
				differences.add(added + line);
			}
		}
		for (String line : was) {
			if (!now.contains(line)) {
				differences.add(removed + line);
			}
		}
		return differences;
	}

}
