package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;
import dev.migration.script.Checksums;
import dev.migration.sql.Dialect;

/**
 * What {@link SchemaReader} leaves out: views, sequences, routines, triggers and check
 * constraints, one line each ({@code view note_summary: SELECT ...}), sorted. Not turned
 * into operations (autogenerate does not write them); read so that two states of a schema
 * can be compared for everything a revision may create, as the test kit's stairway does.
 * Bodies are compared as the database reports them, whitespace collapsed; generated
 * constraint names (H2's {@code CONSTRAINT_xx}) are left out.
 *
 * @param lines one line per object
 */
public record SchemaObjects(List<String> lines) {

	private static final int SHOWN = 120;

	public SchemaObjects {
		lines = lines.stream().sorted().toList();
	}

	/**
	 * Read the objects of a schema.
	 * @param connection the connection
	 * @param dialect its dialect
	 * @param schema the schema (PostgreSQL, H2) or database (MySQL); {@code null} for the
	 * connection's current one
	 * @return the objects
	 */
	public static SchemaObjects read(Connection connection, Dialect dialect, @Nullable String schema) {
		List<String> lines = new ArrayList<>();
		try {
			String current = (schema != null) ? schema : SchemaReader.currentSchema(connection, dialect);
			switch (dialect) {
				case POSTGRESQL -> POSTGRESQL.read(connection, current, lines);
				case MYSQL -> MYSQL.read(connection, current, lines);
				case H2 -> H2.read(connection, current, lines);
				case SQLITE -> sqlite(connection, lines);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot read the views, sequences, routines and triggers of " + schema + ": "
					+ ex.getMessage() + "; check that the user may read the catalogue", ex);
		}
		return new SchemaObjects(lines);
	}

	private static final Queries POSTGRESQL = new Queries(
			"SELECT 'view', table_name::text, view_definition::text FROM information_schema.views "
					+ "WHERE table_schema = ? UNION ALL SELECT 'materialized view', matviewname::text, definition "
					+ "FROM pg_matviews WHERE schemaname = ?",
			"SELECT sequence_name, data_type, start_value, increment "
					+ "FROM information_schema.sequences WHERE sequence_schema = ?",
			"SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', CASE p.prokind "
					+ "WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' WHEN 'w' THEN 'window function' "
					+ "ELSE 'function' END, p.prosrc "
					+ "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ?",
			"SELECT event_object_table, trigger_name, action_timing, event_manipulation, action_statement "
					+ "FROM information_schema.triggers WHERE trigger_schema = ?",
			"SELECT t.relname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
					+ "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
					+ "WHERE n.nspname = ? AND c.contype = 'c'",
			UnaryOperator.identity());

	// MariaDB's sequences are tables of their own kind, read by name only; MySQL has none
	private static final Queries MYSQL = new Queries(
			"SELECT 'view', TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?",
			"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE'",
			"SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION "
					+ "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
			"SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT "
					+ "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
			"SELECT t.TABLE_NAME, c.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS c "
					+ "JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
					+ "AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK' "
					+ "WHERE c.CONSTRAINT_SCHEMA = ?",
			UnaryOperator.identity());

	// identity columns own generated sequences, which are the column's business
	private static final Queries H2 = new Queries(
			"SELECT 'view', TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ?",
			"SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES "
					+ "WHERE SEQUENCE_SCHEMA = ? AND SEQUENCE_NAME NOT LIKE 'SYSTEM_SEQUENCE_%'",
			"SELECT ROUTINE_NAME, ROUTINE_TYPE, COALESCE(ROUTINE_DEFINITION, EXTERNAL_NAME) "
					+ "FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ?",
			"SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, JAVA_CLASS "
					+ "FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
			"SELECT t.TABLE_NAME, c.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS c "
					+ "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
					+ "AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME WHERE c.CONSTRAINT_SCHEMA = ?",
			H2Catalog::name);

	/**
	 * One database's catalogue queries, each read into lines the same way.
	 *
	 * @param views kind, name and body of each view
	 * @param sequences name, then (where the catalogue has them) type, start and
	 * increment
	 * @param routines name, kind and body of each routine
	 * @param triggers table, name, timing, event and action of each trigger
	 * @param checks table and body of each check constraint
	 * @param name how a name the catalogue reports is written back
	 */
	private record Queries(String views, String sequences, String routines, String triggers, String checks,
			UnaryOperator<String> name) {

		void read(Connection connection, String schema, List<String> lines) throws SQLException {
			SchemaReader.query(connection, this.views, schema, (rs) -> lines
				.add(rs.getString(1) + " " + this.name.apply(rs.getString(2)) + ": " + body(rs.getString(3))));
			SchemaReader.query(connection, this.sequences, schema, (rs) -> {
				String sequence = "sequence " + this.name.apply(rs.getString(1));
				lines.add((rs.getMetaData().getColumnCount() == 1) ? sequence
						: sequence + " " + rs.getString(2).toLowerCase(Locale.ROOT) + " start " + rs.getString(3)
								+ " increment " + rs.getString(4));
			});
			SchemaReader.query(connection, this.routines, schema,
					(rs) -> lines.add(rs.getString(2).toLowerCase(Locale.ROOT) + " " + this.name.apply(rs.getString(1))
							+ ": " + body(rs.getString(3))));
			SchemaReader.query(connection, this.triggers, schema,
					(rs) -> lines.add(trigger(this.name.apply(rs.getString(1)), this.name.apply(rs.getString(2)),
							rs.getString(3), rs.getString(4), rs.getString(5))));
			SchemaReader.query(connection, this.checks, schema,
					(rs) -> lines.add("check on " + this.name.apply(rs.getString(1)) + ": " + body(rs.getString(2))));
		}

	}

	private static void sqlite(Connection connection, List<String> lines) throws SQLException {
		// check constraints live in the table's own SQL, which the table reader keeps
		SchemaReader.query(connection,
				"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND ? = ''", "",
				(rs) -> lines.add(("view".equals(rs.getString(1)) ? "view " + rs.getString(2)
						: "trigger " + rs.getString(2) + " on " + rs.getString(3)) + ": " + body(rs.getString(4))));
	}

	private static String trigger(String table, String name, String timing, String event, @Nullable String action) {
		return "trigger " + name + " on " + table + " " + timing.toLowerCase(Locale.ROOT) + " "
				+ event.toLowerCase(Locale.ROOT) + ": " + body(action);
	}

	/** Whitespace collapsed; a long body is cut and fingerprinted so lines stay short. */
	static String body(@Nullable String sql) {
		if (sql == null) {
			return "";
		}
		String text = sql.strip().replaceAll("\\s+", " ");
		if (text.length() <= SHOWN) {
			return text;
		}
		return text.substring(0, SHOWN) + "... (sha256 " + Checksums.sha256(text).substring(0, 12) + ")";
	}

}
