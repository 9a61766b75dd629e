package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;

/**
 * Reads a live schema: tables, columns (type, length, precision, nullability, server
 * default, identity), primary keys, unique constraints, foreign keys and indexes. On
 * PostgreSQL, MySQL/MariaDB and H2 each kind of object is read with one catalogue query
 * over the whole schema (not a query per table); SQLite, in process, is read table by
 * table from its {@code PRAGMA}s. Check constraints, sequences and comments are read too;
 * triggers, views and functions are not read.
 */
public final class SchemaReader {

	private SchemaReader() {
	}

	/**
	 * Read the schema the connection is on.
	 * @param connection the connection
	 * @param dialect the database's dialect
	 * @param schema the schema (PostgreSQL, H2) or database (MySQL); {@code null} for the
	 * connection's current one
	 * @param ignoredTables tables to leave out, such as the version and history tables
	 * (case-insensitive)
	 * @return the schema
	 */
	public static SchemaModel read(Connection connection, Dialect dialect, @Nullable String schema,
			Collection<String> ignoredTables) {
		Set<String> ignored = ignoredTables.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		try {
			String current = (schema != null) ? schema : currentSchema(connection, dialect);
			List<TableDefinition> tables = switch (dialect) {
				case POSTGRESQL -> PostgresCatalog.read(connection, current, ignored);
				case MYSQL -> MysqlCatalog.read(connection, current, ignored);
				case H2 -> H2Catalog.read(connection, current, ignored);
				case SQLITE -> SqliteCatalog.read(connection, ignored);
			};
			return new SchemaModel(Checks.read(connection, dialect, current, tables),
					Sequences.read(connection, dialect, current), Comments.read(connection, dialect, current, tables),
					(dialect == Dialect.POSTGRESQL) ? PostgresCatalog.primaryKeyNames(connection, current, tables)
							: Map.of());
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot read the " + dialect + " schema " + schema + ": " + ex.getMessage()
					+ "; check that the user may read the catalogue", ex);
		}
	}

	static String currentSchema(Connection connection, Dialect dialect) throws SQLException {
		String sql = switch (dialect) {
			case POSTGRESQL -> "SELECT current_schema()";
			case MYSQL -> "SELECT DATABASE()";
			case H2 -> "SELECT CURRENT_SCHEMA";
			case SQLITE -> "SELECT 'main'";
		};
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** One row of a catalogue query. */
	@FunctionalInterface
	interface Row {

		void accept(ResultSet rs) throws SQLException;

	}

	static void query(Connection connection, String sql, String schema, Row row) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int count = (int) sql.chars().filter((c) -> c == '?').count();
			for (int i = 1; i <= count; i++) {
				statement.setString(i, schema);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					row.accept(rs);
				}
			}
		}
	}

	/**
	 * The names of the schema's tables of one type from
	 * {@code information_schema.tables}, which PostgreSQL, MySQL/MariaDB and H2 all keep.
	 * @param connection the connection
	 * @param schema the schema
	 * @param type {@code BASE TABLE}, or {@code SEQUENCE} for MariaDB's sequences
	 * @return the names, sorted
	 */
	static List<String> tableNames(Connection connection, String schema, String type) throws SQLException {
		List<String> names = new ArrayList<>();
		query(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = '"
				+ type + "' ORDER BY table_name", schema, (rs) -> names.add(rs.getString(1)));
		return names;
	}

	/**
	 * A builder holding the schema's base tables, but for the ignored ones.
	 * @param name how a name the catalogue reports is written back
	 */
	static TableBuilder tables(Connection connection, String schema, Set<String> ignored, UnaryOperator<String> name)
			throws SQLException {
		TableBuilder tables = new TableBuilder();
		for (String table : tableNames(connection, schema, "BASE TABLE")) {
			if (!ignored(ignored, name.apply(table))) {
				tables.table(name.apply(table));
			}
		}
		return tables;
	}

	static boolean ignored(Set<String> ignored, String table) {
		return ignored.contains(table.toLowerCase(Locale.ROOT));
	}

}
