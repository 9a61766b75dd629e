package dev.migration.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.lint.StatementEffect.ObjectKind;
import dev.migration.lint.StatementEffect.Trace;
import dev.migration.sql.Dialect;

/**
 * Asks the catalog ({@code information_schema} of MariaDB/MySQL and H2) whether the
 * objects a statement leaves behind exist. Names compare without regard to case: the
 * statement parser folds unquoted names, H2 stores them in upper case and MariaDB as
 * written.
 */
final class CatalogProbe {

	private final Connection connection;

	private final Dialect dialect;

	private @Nullable String currentSchema;

	CatalogProbe(Connection connection, Dialect dialect) {
		this.connection = connection;
		this.dialect = dialect;
	}

	/**
	 * Whether the engine can ask this database.
	 * @param dialect the dialect
	 * @return {@code true} for MariaDB/MySQL and H2
	 */
	static boolean supports(Dialect dialect) {
		return dialect == Dialect.MYSQL || dialect == Dialect.H2;
	}

	/**
	 * Whether the object the trace names exists now.
	 * @param trace the trace
	 * @return whether it exists
	 * @throws SQLException from the database
	 */
	boolean exists(Trace trace) throws SQLException {
		boolean mysql = this.dialect == Dialect.MYSQL;
		String schema = (trace.schema() != null) ? trace.schema() : currentSchema();
		List<String> where = new ArrayList<>();
		List<String> values = new ArrayList<>();
		String from = switch (trace.object()) {
			case TABLE -> "TABLES";
			case VIEW -> "VIEWS";
			case SEQUENCE -> mysql ? "TABLES" : "SEQUENCES";
			case INDEX -> mysql ? "STATISTICS" : "INDEXES";
			case COLUMN -> "COLUMNS";
			case CONSTRAINT, PRIMARY_KEY -> "TABLE_CONSTRAINTS";
			case PROCEDURE, FUNCTION -> "ROUTINES";
			case TRIGGER -> "TRIGGERS";
		};
		String prefix = switch (trace.object()) {
			case SEQUENCE -> mysql ? "TABLE" : "SEQUENCE";
			case CONSTRAINT, PRIMARY_KEY -> "CONSTRAINT";
			case PROCEDURE, FUNCTION -> "ROUTINE";
			case TRIGGER -> "TRIGGER";
			default -> "TABLE";
		};
		match(where, values, prefix + "_SCHEMA", schema);
		String nameColumn = switch (trace.object()) {
			case TABLE, VIEW -> "TABLE_NAME";
			case SEQUENCE -> mysql ? "TABLE_NAME" : "SEQUENCE_NAME";
			case INDEX -> "INDEX_NAME";
			case COLUMN -> "COLUMN_NAME";
			case CONSTRAINT -> "CONSTRAINT_NAME";
			case PRIMARY_KEY -> null;
			case PROCEDURE, FUNCTION -> "ROUTINE_NAME";
			case TRIGGER -> "TRIGGER_NAME";
		};
		if (nameColumn != null) {
			match(where, values, nameColumn, trace.name());
		}
		if (trace.table() != null && trace.object() != ObjectKind.TABLE) {
			match(where, values, (trace.object() == ObjectKind.TRIGGER) ? "EVENT_OBJECT_TABLE" : "TABLE_NAME",
					trace.table());
		}
		switch (trace.object()) {
			case PRIMARY_KEY -> where.add("CONSTRAINT_TYPE = 'PRIMARY KEY'");
			case SEQUENCE -> {
				if (mysql) {
					where.add("TABLE_TYPE = 'SEQUENCE'");
				}
			}
			case PROCEDURE, FUNCTION -> where.add("ROUTINE_TYPE = '" + trace.object().name() + "'");
			default -> {
			}
		}
		String sql = "SELECT COUNT(*) FROM INFORMATION_SCHEMA." + from + " WHERE " + String.join(" AND ", where);
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < values.size(); i++) {
				statement.setString(i + 1, values.get(i));
			}
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
	}

	private static void match(List<String> where, List<String> values, String column, @Nullable String value) {
		where.add("UPPER(" + column + ") = UPPER(?)");
		values.add(String.valueOf(value));
	}

	private String currentSchema() throws SQLException {
		if (this.currentSchema == null) {
			String query = (this.dialect == Dialect.MYSQL) ? "SELECT DATABASE()" : "SELECT SCHEMA()";
			try (PreparedStatement statement = this.connection.prepareStatement(query);
					ResultSet rs = statement.executeQuery()) {
				rs.next();
				this.currentSchema = rs.getString(1);
			}
		}
		return this.currentSchema;
	}

	/**
	 * MariaDB/MySQL tables in the current schema whose engine cannot roll back (MyISAM,
	 * Aria, ...): a change to them does not commit with its progress row.
	 * @return their names, lower case; none on H2
	 * @throws SQLException from the database
	 */
	List<String> nonTransactionalTables() throws SQLException {
		List<String> names = new ArrayList<>();
		if (this.dialect != Dialect.MYSQL) {
			return names;
		}
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT LOWER(t.TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES t JOIN "
					+ "INFORMATION_SCHEMA.ENGINES e ON e.ENGINE = t.ENGINE WHERE t.TABLE_SCHEMA = DATABASE() "
					+ "AND e.TRANSACTIONS <> 'YES'")) {
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		return names;
	}

	/**
	 * On MariaDB/MySQL, the connection still running this statement: a killed client's
	 * statement runs on in the server until it ends.
	 * @param sql the statement as it was sent
	 * @return the connection id, {@code null} when none runs it
	 * @throws SQLException from the database
	 */
	@Nullable Long runningElsewhere(String sql) throws SQLException {
		if (this.dialect != Dialect.MYSQL) {
			return null;
		}
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT ID FROM "
				+ "INFORMATION_SCHEMA.PROCESSLIST WHERE ID <> CONNECTION_ID() AND DB = DATABASE() AND INFO = ?")) {
			statement.setString(1, sql);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getLong(1) : null;
			}
		}
	}

}
