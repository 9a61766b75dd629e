package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.op.AlterColumn;
import dev.migration.op.Column;
import dev.migration.op.DropColumn;
import dev.migration.op.DropTable;
import dev.migration.op.ExecuteSql;
import dev.migration.op.Operation;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;

/**
 * Table and column comments (Hibernate's {@code @Comment}): read with one catalogue query
 * per schema and compared as text. PostgreSQL and H2 write them with
 * {@code COMMENT ON TABLE/COLUMN ... IS}; MySQL/MariaDB with {@code ALTER TABLE ...
 * COMMENT =} and, for a column, a {@code MODIFY} restating the whole column with its
 * {@code COMMENT}. A {@code MODIFY} made for another reason (a type or nullability
 * change) drops a MySQL column's comment, so the comment is written again after it, in
 * both directions. SQLite has no comments.
 */
final class Comments {

	private static final String POSTGRESQL = "SELECT c.relname, a.attname, d.description FROM pg_description d "
			+ "JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace "
			+ "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0 "
			+ "WHERE n.nspname = ? AND d.classoid = 'pg_class'::regclass AND c.relkind IN ('r', 'p') "
			+ "ORDER BY c.relname, d.objsubid";

	private static final String MYSQL = "SELECT TABLE_NAME, NULL, TABLE_COMMENT FROM information_schema.TABLES "
			+ "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COMMENT <> '' UNION ALL "
			+ "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS "
			+ "WHERE TABLE_SCHEMA = ? AND COLUMN_COMMENT <> ''";

	private static final String H2 = "SELECT TABLE_NAME, NULL, REMARKS FROM INFORMATION_SCHEMA.TABLES "
			+ "WHERE TABLE_SCHEMA = ? AND REMARKS <> '' UNION ALL "
			+ "SELECT TABLE_NAME, COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.COLUMNS "
			+ "WHERE TABLE_SCHEMA = ? AND REMARKS <> ''";

	private Comments() {
	}

	/** The comments of the tables read, by {@code table} or {@code table.column}. */
	static Map<String, String> read(Connection connection, Dialect dialect, String schema, List<TableDefinition> tables)
			throws SQLException {
		String sql = switch (dialect) {
			case POSTGRESQL -> POSTGRESQL;
			case MYSQL -> MYSQL;
			case H2 -> H2;
			case SQLITE -> null;
		};
		Map<String, String> comments = new LinkedHashMap<>();
		if (sql == null) {
			return comments;
		}
		Set<String> names = new LinkedHashSet<>();
		tables.forEach((table) -> names.add(table.name().toLowerCase(Locale.ROOT)));
		SchemaReader.query(connection, sql, schema, (rs) -> {
			String table = H2Catalog.name(rs.getString(1)).toLowerCase(Locale.ROOT);
			String column = rs.getString(2);
			if (names.contains(table) && rs.getString(3) != null && !rs.getString(3).isEmpty()) {
				comments.put((column != null) ? key(table, H2Catalog.name(column)) : table, rs.getString(3));
			}
		});
		return comments;
	}

	static String key(String table, @Nullable String column) {
		return (column != null) ? (table + "." + column).toLowerCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
	}

	/**
	 * Adds the comment changes to a table-and-column difference: new and changed comments
	 * at the end of the upgrade; the comments of dropped tables and columns restored in
	 * the downgrade of their drop.
	 * @param desired the wanted schema
	 * @param live the live schema, renames applied
	 * @param dialect the dialect
	 * @param changes the changes so far, extended in place
	 */
	static void compare(SchemaModel desired, SchemaModel live, Dialect dialect, List<Change> changes) {
		if (dialect == Dialect.SQLITE) {
			return;
		}
		Set<String> keys = new LinkedHashSet<>(desired.comments().keySet());
		keys.addAll(live.comments().keySet());
		if (dialect == Dialect.MYSQL) {
			keepThroughModify(desired, live, changes, keys);
		}
		List<Change> added = new ArrayList<>();
		for (String key : keys) {
			String table = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
			String column = key.contains(".") ? key.substring(key.indexOf('.') + 1) : null;
			String wanted = desired.comments().get(key);
			String existing = live.comments().get(key);
			Optional<Column> desiredColumn = column(desired, table, column);
			Optional<Column> liveColumn = column(live, table, column);
			boolean inDesired = desired.table(table).isPresent() && (column == null || desiredColumn.isPresent());
			boolean inLive = live.table(table).isPresent() && (column == null || liveColumn.isPresent());
			if (!inDesired) {
				if (existing != null) {
					restoreAfterDrop(changes, live.table(table).orElseThrow().name(), liveColumn.orElse(null), existing,
							dialect);
				}
				continue;
			}
			String tableName = desired.table(table).orElseThrow().name();
			Column definition = desiredColumn.orElse(null);
			boolean modified = dialect == Dialect.MYSQL && column != null && modified(changes, tableName, column);
			if (!inLive) {
				added.add(new Change(set(tableName, definition, wanted, dialect),
						List.of(set(tableName, definition, null, dialect)), null));
			}
			else if (!Objects.equals(wanted, existing) || (modified && wanted != null)) {
				added.add(new Change(set(tableName, definition, wanted, dialect),
						List.of(set(tableName, definition, existing, dialect)), null));
			}
		}
		changes.addAll(added);
	}

	/**
	 * On MySQL/MariaDB a column rewritten by {@code MODIFY} loses its comment: the
	 * downgrade writes the live comment back after its own {@code MODIFY}, and the
	 * upgrade's comment (compared as changed) is written after the upgrade's.
	 */
	private static void keepThroughModify(SchemaModel desired, SchemaModel live, List<Change> changes,
			Set<String> keys) {
		changes.replaceAll((change) -> {
			if (change.upgrade() instanceof AlterColumn alter && rewrites(alter) && alter.existing() != null) {
				String existing = live.comments().get(key(alter.table(), alter.column()));
				if (existing != null) {
					List<Operation> downgrade = new ArrayList<>(change.downgrade());
					downgrade.add(set(alter.table(), alter.existing(), existing, Dialect.MYSQL));
					return new Change(change.upgrade(), downgrade, change.comment());
				}
			}
			return change;
		});
	}

	private static boolean rewrites(AlterColumn alter) {
		return alter.type() != null || alter.nullable() != null;
	}

	private static boolean modified(List<Change> changes, String table, String column) {
		return changes.stream()
			.anyMatch((change) -> change.upgrade() instanceof AlterColumn alter && rewrites(alter)
					&& alter.table().equalsIgnoreCase(table) && alter.column().equalsIgnoreCase(column));
	}

	private static Optional<Column> column(SchemaModel model, String table, @Nullable String column) {
		if (column == null) {
			return Optional.empty();
		}
		return model.table(table).flatMap((each) -> each.table().column(column));
	}

	/** The comment of a dropped table or column comes back with it in the downgrade. */
	private static void restoreAfterDrop(List<Change> changes, String table, @Nullable Column column, String comment,
			Dialect dialect) {
		for (int i = 0; i < changes.size(); i++) {
			Change change = changes.get(i);
			boolean drop = (change.upgrade() instanceof DropTable op && op.table().equalsIgnoreCase(table))
					|| (column != null && change.upgrade() instanceof DropColumn dropColumn
							&& dropColumn.table().equalsIgnoreCase(table)
							&& dropColumn.column().equalsIgnoreCase(column.name()));
			if (drop) {
				List<Operation> downgrade = new ArrayList<>(change.downgrade());
				downgrade.add(set(table, column, comment, dialect));
				changes.set(i, new Change(change.upgrade(), downgrade, change.comment()));
				return;
			}
		}
	}

	/**
	 * The statement that sets a comment (or removes it, {@code null}).
	 * @param table the table
	 * @param column the column's definition, {@code null} for the table's comment
	 * @param comment the comment
	 * @param dialect the dialect
	 * @return the operation
	 */
	static Operation set(String table, @Nullable Column column, @Nullable String comment, Dialect dialect) {
		if (dialect == Dialect.MYSQL) {
			String text = mysqlLiteral((comment != null) ? comment : "");
			if (column == null) {
				return new ExecuteSql("ALTER TABLE " + Sequences.quote(table, dialect) + " COMMENT = " + text);
			}
			String modify = AlterColumn.of(table, column.name())
				.existing(column)
				.nullable(column.nullable())
				.toSql(dialect)
				.get(0);
			return new ExecuteSql(modify + " COMMENT " + text);
		}
		String target = (column != null)
				? "COLUMN " + Sequences.quote(table, dialect) + "." + Sequences.quote(column.name(), dialect)
				: "TABLE " + Sequences.quote(table, dialect);
		return new ExecuteSql("COMMENT ON " + target + " IS "
				+ ((comment != null) ? "'" + comment.replace("'", "''") + "'" : "NULL"));
	}

	private static String mysqlLiteral(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
	}

}
