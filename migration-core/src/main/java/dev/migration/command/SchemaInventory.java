package dev.migration.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import dev.migration.sql.Dialect;

/**
 * What a schema already holds before this tool ever ran there, for baseline detection.
 * Counted: tables, views, sequences, routines and types the user made. Not counted: the
 * tool's own tables ({@link Tables#owned()}), the bookkeeping tables of Flyway and
 * Liquibase, objects that belong to an extension (PostgreSQL {@code pg_depend} type
 * {@code e}), and objects that are part of another one (an identity or serial sequence, a
 * range type's multirange). H2 and SQLite count tables and views.
 */
final class SchemaInventory {

	/**
	 * The object as a whole (not one of its columns: a partitioned table's key columns
	 * are internal to it) belongs to an extension or to another object (itself not
	 * included).
	 */
	private static final String PG_NOT_PART_OF_ANOTHER = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = "
			+ "'%s'::regclass AND d.objid = %s AND d.objsubid = 0 AND d.deptype IN ('e', 'a', 'i') AND NOT "
			+ "(d.refclassid = d.classid AND d.refobjid = d.objid))";

	private static final Source PG_RELATIONS = new Source(
			"CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN "
					+ "'f' THEN 'foreign table' ELSE 'table' END",
			"c.relname",
			"FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN "
					+ "('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition AND "
					+ PG_NOT_PART_OF_ANOTHER.formatted("pg_class", "c.oid"));

	private static final Source PG_ROUTINES = new Source("'function'", "p.proname",
			"FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? AND "
					+ PG_NOT_PART_OF_ANOTHER.formatted("pg_proc", "p.oid"));

	private static final Source PG_TYPES = new Source("'type'", "t.typname",
			"FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typtype IN "
					+ "('e', 'd', 'r') AND " + PG_NOT_PART_OF_ANOTHER.formatted("pg_type", "t.oid"));

	/**
	 * PostgreSQL's first look, by the index on what depends on the schema rather than by
	 * scans of {@code pg_class}, {@code pg_proc} and {@code pg_type}, which take no index
	 * on the schema (and which a database that creates and drops many tables bloats):
	 * every table, view, sequence, routine and type made in a schema records a dependency
	 * on it, extension members and parts of other objects included (which the detailed
	 * queries then leave out). Not so in a pinned schema (the system's: {@code pg_*},
	 * {@code information_schema}), where the answer is always yes and the detailed
	 * queries look. Relations with an ignored name are left out.
	 */
	private static final String PG_ANYTHING = "SELECT EXISTS (SELECT 1 FROM pg_namespace n JOIN pg_depend d ON "
			+ "d.refclassid = 'pg_namespace'::regclass AND d.refobjid = n.oid WHERE n.nspname = ? AND NOT "
			+ "(d.classid = 'pg_class'::regclass AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objid AND "
			+ "c.relname IN (%s)))) OR left(?, 3) = 'pg_' OR ? = 'information_schema'";

	private static final Source MYSQL_TABLES = new Source(
			"CASE TABLE_TYPE WHEN 'VIEW' THEN 'view' WHEN 'SEQUENCE' THEN 'sequence' ELSE 'table' END", "TABLE_NAME",
			"FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?");

	private static final Source MYSQL_ROUTINES = new Source("LOWER(ROUTINE_TYPE)", "ROUTINE_NAME",
			"FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?");

	private static final Source H2_TABLES = new Source("CASE TABLE_TYPE WHEN 'VIEW' THEN 'view' ELSE 'table' END",
			"TABLE_NAME", "FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_SCHEMA) = UPPER(?)");

	private SchemaInventory() {
	}

	/**
	 * The objects in the tables' schema (the configured one, else the connection's) that
	 * make it a schema built without this tool. Where the catalog takes more than one
	 * query (PostgreSQL, MariaDB/MySQL), one query first asks whether there is anything
	 * at all: a first run on an empty schema then pays one round trip, and the server
	 * plans one statement, not three.
	 * @param connection the connection, in auto-commit
	 * @param tables the tool's tables
	 * @return {@code kind name} entries, sorted by name; empty for an empty (or missing)
	 * schema
	 * @throws SQLException from the database
	 */
	static List<String> objects(Connection connection, Tables tables) throws SQLException {
		Set<String> ignored = new TreeSet<>(tables.owned());
		ignored.addAll(Tables.OTHER_TOOLS_TABLES);
		String schema = tables.effectiveSchema(connection);
		List<Source> sources = switch (tables.dialect()) {
			case POSTGRESQL -> List.of(PG_RELATIONS, PG_ROUTINES, PG_TYPES);
			case MYSQL -> List.of(MYSQL_TABLES, MYSQL_ROUTINES);
			case H2 -> List.of(H2_TABLES);
			case SQLITE -> List.of(sqlite(tables));
		};
		if (sources.size() > 1 && !anything(connection, tables.dialect(), sources, schema, ignored)) {
			return List.of();
		}
		TreeSet<String[]> found = new TreeSet<>((a, b) -> (a[1] + " " + a[0]).compareTo(b[1] + " " + b[0]));
		for (Source source : sources) {
			try (PreparedStatement statement = connection.prepareStatement(source.objectsQuery())) {
				if (tables.dialect() != Dialect.SQLITE) {
					statement.setString(1, schema);
				}
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						String name = rs.getString(2);
						if (!ignored.contains(name.toLowerCase(Locale.ROOT))) {
							found.add(new String[] { rs.getString(1), name });
						}
					}
				}
			}
		}
		List<String> objects = new ArrayList<>();
		found.forEach((object) -> objects.add(object[0] + " " + object[1]));
		return objects;
	}

	/**
	 * Whether any source has a row {@link #objects} could count, in one query that stops
	 * at the first. It leaves out only the ignored names exactly as written (they are
	 * lower case): a name that differs in case, which {@link #objects} also ignores,
	 * makes it answer yes, so it never hides an object, at worst it costs the detailed
	 * queries.
	 */
	private static boolean anything(Connection connection, Dialect dialect, List<Source> sources, String schema,
			Set<String> ignored) throws SQLException {
		StringJoiner names = new StringJoiner(", ");
		// plain identifiers (checked when the configuration was built), safe as literals
		ignored.forEach((name) -> names.add("'" + name + "'"));
		String query;
		int parameters;
		if (dialect == Dialect.POSTGRESQL) {
			query = PG_ANYTHING.formatted(names);
			parameters = 3;
		}
		else {
			// MariaDB/MySQL compare names in a case- and accent-insensitive collation
			StringJoiner parts = new StringJoiner(" OR ", "SELECT ", "");
			for (Source source : sources) {
				parts.add("EXISTS (SELECT 1 " + source.from() + " AND CAST(" + source.name() + " AS BINARY) NOT IN ("
						+ names + "))");
			}
			query = parts.toString();
			parameters = sources.size();
		}
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			for (int i = 1; i <= parameters; i++) {
				statement.setString(i, schema);
			}
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static Source sqlite(Tables tables) {
		String schema = (tables.schema() != null) ? tables.schema() : "main";
		return new Source("type", "name", "FROM " + schema + ".sqlite_master WHERE type IN ('table', 'view') "
				+ "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
	}

	/**
	 * One catalog query: the kind of each row, its name, and the {@code FROM ... WHERE}
	 * clause that {@link #objects} and {@link #anything} share, so that both see the same
	 * rows. It takes the schema as its one parameter (SQLite's none).
	 */
	private record Source(String kind, String name, String from) {

		String objectsQuery() {
			return "SELECT " + this.kind + ", " + this.name + " " + this.from;
		}

	}

}
