package dev.migration.autogenerate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;
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
				case POSTGRESQL -> postgresql(connection, current, lines);
				case MYSQL -> mysql(connection, current, lines);
				case H2 -> h2(connection, current, lines);
				case SQLITE -> sqlite(connection, lines);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot read the views, sequences, routines and triggers of " + schema + ": "
					+ ex.getMessage() + "; check that the user may read the catalogue", ex);
		}
		return new SchemaObjects(lines);
	}

	private static void postgresql(Connection connection, String schema, List<String> lines) throws SQLException {
		SchemaReader.query(connection,
				"SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = ?", schema,
				(rs) -> lines.add("view " + rs.getString(1) + ": " + body(rs.getString(2))));
		SchemaReader.query(connection, "SELECT matviewname, definition FROM pg_matviews WHERE schemaname = ?", schema,
				(rs) -> lines.add("materialized view " + rs.getString(1) + ": " + body(rs.getString(2))));
		SchemaReader.query(connection,
				"SELECT sequence_name, data_type, start_value, increment "
						+ "FROM information_schema.sequences WHERE sequence_schema = ?",
				schema, (rs) -> lines.add("sequence " + rs.getString(1) + " " + rs.getString(2) + " start "
						+ rs.getString(3) + " increment " + rs.getString(4)));
		SchemaReader.query(connection,
				"SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.prokind, p.prosrc "
						+ "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ?",
				schema,
				(rs) -> lines.add(routine(rs.getString(2)) + " " + rs.getString(1) + ": " + body(rs.getString(3))));
		SchemaReader.query(connection,
				"SELECT event_object_table, trigger_name, action_timing, event_manipulation, action_statement "
						+ "FROM information_schema.triggers WHERE trigger_schema = ?",
				schema, (rs) -> lines
					.add(trigger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
		SchemaReader.query(connection,
				"SELECT t.relname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
						+ "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
						+ "WHERE n.nspname = ? AND c.contype = 'c'",
				schema, (rs) -> lines.add("check on " + rs.getString(1) + ": " + body(rs.getString(2))));
	}

	private static void mysql(Connection connection, String schema, List<String> lines) throws SQLException {
		SchemaReader.query(connection,
				"SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?", schema,
				(rs) -> lines.add("view " + rs.getString(1) + ": " + body(rs.getString(2))));
		// MariaDB's sequences are tables of their own kind; MySQL has none
		SchemaReader.query(connection,
				"SELECT TABLE_NAME FROM information_schema.TABLES "
						+ "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE'",
				schema, (rs) -> lines.add("sequence " + rs.getString(1)));
		SchemaReader.query(connection,
				"SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION "
						+ "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
				schema, (rs) -> lines.add(rs.getString(2).toLowerCase(Locale.ROOT) + " " + rs.getString(1) + ": "
						+ body(rs.getString(3))));
		SchemaReader.query(connection,
				"SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT "
						+ "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
				schema, (rs) -> lines
					.add(trigger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
		SchemaReader.query(connection,
				"SELECT t.TABLE_NAME, c.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS c "
						+ "JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
						+ "AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK' "
						+ "WHERE c.CONSTRAINT_SCHEMA = ?",
				schema, (rs) -> lines.add("check on " + rs.getString(1) + ": " + body(rs.getString(2))));
	}

	private static void h2(Connection connection, String schema, List<String> lines) throws SQLException {
		SchemaReader.query(connection,
				"SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ?", schema,
				(rs) -> lines.add("view " + H2Catalog.name(rs.getString(1)) + ": " + body(rs.getString(2))));
		// identity columns own generated sequences, which are the column's business
		SchemaReader.query(connection,
				"SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT "
						+ "FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? "
						+ "AND SEQUENCE_NAME NOT LIKE 'SYSTEM_SEQUENCE_%'",
				schema,
				(rs) -> lines
					.add("sequence " + H2Catalog.name(rs.getString(1)) + " " + rs.getString(2).toLowerCase(Locale.ROOT)
							+ " start " + rs.getString(3) + " increment " + rs.getString(4)));
		SchemaReader.query(connection,
				"SELECT ROUTINE_NAME, ROUTINE_TYPE, COALESCE(ROUTINE_DEFINITION, EXTERNAL_NAME) "
						+ "FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ?",
				schema, (rs) -> lines.add(rs.getString(2).toLowerCase(Locale.ROOT) + " "
						+ H2Catalog.name(rs.getString(1)) + ": " + body(rs.getString(3))));
		SchemaReader.query(connection,
				"SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, JAVA_CLASS "
						+ "FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
				schema, (rs) -> lines.add(trigger(H2Catalog.name(rs.getString(1)), H2Catalog.name(rs.getString(2)),
						rs.getString(3), rs.getString(4), rs.getString(5))));
		SchemaReader.query(connection,
				"SELECT t.TABLE_NAME, c.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS c "
						+ "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
						+ "AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME WHERE c.CONSTRAINT_SCHEMA = ?",
				schema,
				(rs) -> lines.add("check on " + H2Catalog.name(rs.getString(1)) + ": " + body(rs.getString(2))));
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

	private static String routine(String kind) {
		return switch (kind) {
			case "p" -> "procedure";
			case "a" -> "aggregate";
			case "w" -> "window function";
			default -> "function";
		};
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
		return text.substring(0, SHOWN) + "... (sha256 " + sha256(text).substring(0, 12) + ")";
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
