package dev.migration.command;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.VersionTableException;
import dev.migration.sql.Dialect;

/**
 * The engine's tables: their names, the reads of the version table and the catalog
 * lookups of their columns. Creating and checking them is {@link TableSetup}'s. Names
 * were checked to be plain identifiers when the configuration was built, so they are
 * written unquoted.
 */
final class Tables {

	static final String VERSION_COLUMN = "version_num";

	/**
	 * The history columns every format has: a table with all of them is one of ours,
	 * whatever its format.
	 */
	static final List<String> HISTORY_COLUMNS = List.of("id", "revision", "direction", "location", "checksum",
			"started_at", "finished_at", "duration_ms", "db_user", "success", "statements_done", "statements_total",
			"error_message");

	/** The history column of format 2 that holds a revision's parents. */
	static final String PARENTS_COLUMN = "parents";

	/** The type of {@link #PARENTS_COLUMN}: parent ids separated by spaces. */
	static final String PARENTS_TYPE = "VARCHAR(1000)";

	/**
	 * Bookkeeping tables of the tools people migrate from: they do not make a schema
	 * "already built" for baseline purposes (see {@link SchemaInventory}).
	 */
	static final Set<String> OTHER_TOOLS_TABLES = Set.of("flyway_schema_history", "databasechangelog",
			"databasechangeloglock");

	private final Dialect dialect;

	private final @Nullable String schema;

	private final String versionTable;

	private final String historyTable;

	Tables(Dialect dialect, @Nullable String schema, String versionTable, String historyTable) {
		this.dialect = dialect;
		this.schema = (schema != null) ? Dialect.checkIdentifier("migration.schema", schema) : null;
		this.versionTable = Dialect.checkIdentifier("migration.version-table", versionTable);
		this.historyTable = Dialect.checkIdentifier("migration.history-table", historyTable);
	}

	static Tables of(MigrationConfig config, Dialect dialect) {
		return new Tables(dialect, config.schema(), config.versionTable(), config.historyTable());
	}

	Dialect dialect() {
		return this.dialect;
	}

	@Nullable String schema() {
		return this.schema;
	}

	/** The version table, schema-qualified when a schema is configured. */
	String version() {
		return qualify(this.versionTable);
	}

	/** The history table, schema-qualified when a schema is configured. */
	String history() {
		return qualify(this.historyTable);
	}

	/**
	 * The lease table of {@code migration.lock=table}, beside the version table, named
	 * after it.
	 */
	public String lock() {
		return qualify(Dialect.checkIdentifier("migration.version-table", this.versionTable + "_lock"));
	}

	/**
	 * The table that records the format of the engine's tables ({@link TableFormat}),
	 * beside the history table, named after it.
	 */
	String format() {
		return qualify(formatName());
	}

	private String formatName() {
		return Dialect.checkIdentifier("migration.history-table", this.historyTable + "_format");
	}

	/**
	 * The unqualified names of every table this tool creates in the schema: the one list
	 * that says which tables are ours (a new table the tool keeps is added here, and
	 * baseline detection then ignores it).
	 * @return lower-case names
	 */
	List<String> owned() {
		return List.of(this.versionTable, this.historyTable, this.historyTable + "_format", this.versionTable + "_lock")
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.toList();
	}

	private String qualify(String table) {
		return (this.schema != null) ? this.schema + "." + table : table;
	}

	/**
	 * Create what is missing and check what exists ({@link TableSetup#ensure}). Runs
	 * under the migration lock, in auto-commit.
	 * @param sink where DDL goes
	 * @return whether it created both the version and the history table just now, so that
	 * they hold no rows
	 * @throws SQLException from the database
	 * @throws VersionTableException when an existing table has unexpected columns
	 */
	boolean ensure(SqlSink sink) throws SQLException {
		return new TableSetup(this).ensure(sink);
	}

	/**
	 * Whether the version table exists (metadata, no failing query).
	 * @param connection the connection
	 * @return whether it exists
	 * @throws SQLException from the database
	 */
	boolean versionTableExists(Connection connection) throws SQLException {
		return !versionColumns(connection).isEmpty();
	}

	/**
	 * The revisions in the version table; none when the table does not exist yet.
	 * @param connection the connection
	 * @return the revision ids, sorted
	 * @throws SQLException from the database
	 */
	List<String> readHeads(Connection connection) throws SQLException {
		try {
			return queryHeads(connection);
		}
		catch (SQLException ex) {
			if (connection.getAutoCommit() && !versionTableExists(connection)) {
				return List.of();
			}
			throw ex;
		}
	}

	/**
	 * The revisions in the version table, or {@code null} when the query fails (the table
	 * does not exist, say): one query, no metadata lookup. For a connection in
	 * auto-commit.
	 * @param connection the connection
	 * @return the revision ids, sorted, or {@code null}
	 */
	@Nullable List<String> readHeadsIfPresent(Connection connection) {
		try {
			return queryHeads(connection);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private List<String> queryHeads(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(headsQuery())) {
			return heads(rs);
		}
	}

	/** The query that reads the version table. */
	String headsQuery() {
		return "SELECT " + VERSION_COLUMN + " FROM " + version() + " ORDER BY " + VERSION_COLUMN;
	}

	/** The heads from the rows of {@link #headsQuery()}. */
	static List<String> heads(ResultSet rs) throws SQLException {
		List<String> heads = new ArrayList<>();
		while (rs.next()) {
			heads.add(rs.getString(1));
		}
		return heads;
	}

	boolean historyTableExists(Connection connection) throws SQLException {
		return !historyColumns(connection).isEmpty();
	}

	/**
	 * Column names (lower case) of the version table, from the catalog; none when
	 * missing.
	 */
	Set<String> versionColumns(Connection connection) throws SQLException {
		return columns(connection, this.versionTable);
	}

	/**
	 * Column names (lower case) of the history table, from the catalog; none when
	 * missing.
	 */
	Set<String> historyColumns(Connection connection) throws SQLException {
		return columns(connection, this.historyTable);
	}

	/** Column names (lower case) of a table in the configured or current schema. */
	private Set<String> columns(Connection connection, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = null;
		String schemaPattern = null;
		switch (this.dialect) {
			case MYSQL -> catalog = (this.schema != null) ? this.schema : connection.getCatalog();
			case POSTGRESQL, H2 ->
				schemaPattern = fold(metaData, (this.schema != null) ? this.schema : connection.getSchema());
			case SQLITE -> {
			}
		}
		String escape = metaData.getSearchStringEscape();
		Set<String> columns = new LinkedHashSet<>();
		try (ResultSet rs = metaData.getColumns(catalog, escape(schemaPattern, escape),
				escape(fold(metaData, table), escape), null)) {
			while (rs.next()) {
				if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
					columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		return columns;
	}

	private static @Nullable String fold(DatabaseMetaData metaData, @Nullable String name) throws SQLException {
		if (name == null) {
			return null;
		}
		if (metaData.storesUpperCaseIdentifiers()) {
			return name.toUpperCase(Locale.ROOT);
		}
		if (metaData.storesLowerCaseIdentifiers()) {
			return name.toLowerCase(Locale.ROOT);
		}
		return name;
	}

	private static @Nullable String escape(@Nullable String name, @Nullable String escape) {
		if (name == null || escape == null || escape.isEmpty()) {
			return name;
		}
		return name.replace("_", escape + "_").replace("%", escape + "%");
	}

	/**
	 * The schema (or MySQL database) the tables live in, for lock names and messages.
	 * @param connection the connection
	 * @return the configured schema, else the connection's current one
	 * @throws SQLException from the database
	 */
	String effectiveSchema(Connection connection) throws SQLException {
		if (this.schema != null) {
			return this.schema;
		}
		String current = (this.dialect == Dialect.MYSQL) ? connection.getCatalog() : connection.getSchema();
		return (current != null) ? current : "main";
	}

	@Override
	public String toString() {
		return version() + "/" + history();
	}

}
