package dev.migration.op;

import java.util.ArrayList;
import java.util.List;

import dev.migration.sql.Dialect;

/** {@code ALTER COLUMN} differs most between databases; kept apart from the rest. */
final class AlterColumnRenderer {

	private AlterColumnRenderer() {
	}

	static List<String> render(AlterColumn op, Dialect d) {
		if (op.changesNothing()) {
			throw new OperationNotSupportedException(op, d, "altering column " + op.column()
					+ " changes nothing; set a type, nullability, default or new name");
		}
		String table = "ALTER TABLE " + SqlRenderer.q(op.table(), d);
		String column = SqlRenderer.q(op.column(), d);
		List<String> sql = new ArrayList<>();
		boolean changesDefinition = op.type() != null || op.nullable() != null || op.defaultChange() != null;
		switch (d) {
			case POSTGRESQL -> {
				if (op.type() != null) {
					sql.add(table + " ALTER COLUMN " + column + " TYPE " + op.type().toSql(d));
				}
				nullability(op, table + " ALTER COLUMN " + column, sql);
				defaults(op, table + " ALTER COLUMN " + column, sql);
			}
			case H2 -> {
				if (op.type() != null) {
					sql.add(table + " ALTER COLUMN " + column + " SET DATA TYPE " + op.type().toSql(d));
				}
				nullability(op, table + " ALTER COLUMN " + column, sql);
				defaults(op, table + " ALTER COLUMN " + column, sql);
			}
			case MYSQL -> {
				if (op.type() != null || op.nullable() != null) {
					sql.add(table + " MODIFY " + SqlRenderer.columnDefinition(mysqlTarget(op, d), d));
				}
				else {
					defaults(op, table + " ALTER COLUMN " + column, sql);
				}
			}
			case SQLITE -> {
				if (changesDefinition) {
					throw new OperationNotSupportedException(op, d, SqlRenderer.SQLITE_REMEDY);
				}
			}
		}
		if (op.renames()) {
			sql.add(table + " RENAME COLUMN " + column + " TO " + SqlRenderer.q(op.newName(), d));
		}
		return sql;
	}

	/**
	 * MySQL's {@code MODIFY} restates the whole column (a missing {@code DEFAULT} drops
	 * the default), hence the existing definition is required, as in Alembic.
	 */
	private static Column mysqlTarget(AlterColumn op, Dialect d) {
		if (op.existing() != null) {
			return op.after().orElseThrow().withName(op.column());
		}
		if (op.type() == null || op.nullable() == null) {
			throw new OperationNotSupportedException(op, d, "MySQL/MariaDB rewrite the whole column; pass the "
					+ "column's existing definition with .existing(Column.of(...)) or set both type and nullability");
		}
		Column column = Column.of(op.column(), op.type()).nullable(op.nullable());
		return (op.defaultChange() != null) ? column.defaultValue(op.defaultChange().sql()) : column;
	}

	private static void nullability(AlterColumn op, String prefix, List<String> sql) {
		if (op.nullable() != null) {
			sql.add(prefix + (op.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
		}
	}

	private static void defaults(AlterColumn op, String prefix, List<String> sql) {
		if (op.defaultChange() != null) {
			String value = op.defaultChange().sql();
			sql.add(prefix + ((value != null) ? " SET DEFAULT " + value : " DROP DEFAULT"));
		}
	}

}
