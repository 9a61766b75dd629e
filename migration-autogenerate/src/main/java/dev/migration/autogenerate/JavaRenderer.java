package dev.migration.autogenerate;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.migration.op.AddColumn;
import dev.migration.op.AlterColumn;
import dev.migration.op.BulkInsert;
import dev.migration.op.CheckConstraint;
import dev.migration.op.Column;
import dev.migration.op.ColumnType;
import dev.migration.op.CreateCheckConstraint;
import dev.migration.op.CreateForeignKey;
import dev.migration.op.CreateIndex;
import dev.migration.op.CreateTable;
import dev.migration.op.CreateUniqueConstraint;
import dev.migration.op.DropColumn;
import dev.migration.op.DropConstraint;
import dev.migration.op.DropIndex;
import dev.migration.op.DropTable;
import dev.migration.op.ExecuteSql;
import dev.migration.op.ForeignKey;
import dev.migration.op.Operation;
import dev.migration.op.RenameTable;
import dev.migration.op.UniqueKey;

/**
 * Operations as the Java statements a person would write in a migration:
 * {@code op.addColumn("pet", Column.of("born", ColumnType.date()));}.
 */
final class JavaRenderer {

	private JavaRenderer() {
	}

	static String statement(Operation operation) {
		if (operation instanceof CreateTable op) {
			return "op.createTable(" + createTable(op) + ");";
		}
		if (operation instanceof DropTable op) {
			return "op.dropTable(" + q(op.table()) + ");";
		}
		if (operation instanceof RenameTable op) {
			return "op.renameTable(" + q(op.table()) + ", " + q(op.newName()) + ");";
		}
		if (operation instanceof AddColumn op) {
			return "op.addColumn(" + q(op.table()) + ", " + column(op.column()) + ");";
		}
		if (operation instanceof DropColumn op) {
			return (op.definition() != null) ? "op.dropColumn(" + q(op.table()) + ", " + column(op.definition()) + ");"
					: "op.dropColumn(" + q(op.table()) + ", " + q(op.column()) + ");";
		}
		if (operation instanceof AlterColumn op) {
			return "op.alterColumn(" + alterColumn(op) + ");";
		}
		if (operation instanceof CreateIndex op) {
			return "op.createIndex(CreateIndex.of(" + q(op.name()) + ", " + q(op.table()) + ", " + strings(op.columns())
					+ ")" + (op.unique() ? ".asUnique()" : "") + ");";
		}
		if (operation instanceof DropIndex op) {
			return "op.dropIndex(" + q(op.name()) + ", " + q(op.table()) + ");";
		}
		if (operation instanceof CreateForeignKey op) {
			return "op.createForeignKey(" + q(op.table()) + ", " + foreignKey(op.foreignKey()) + ");";
		}
		if (operation instanceof CreateUniqueConstraint op) {
			return "op.createUniqueConstraint(" + q(op.uniqueKey().name()) + ", " + q(op.table()) + ", "
					+ strings(op.uniqueKey().columns()) + ");";
		}
		if (operation instanceof CreateCheckConstraint op) {
			return "op.createCheckConstraint(" + q(op.check().name()) + ", " + q(op.table()) + ", "
					+ q(op.check().condition()) + ");";
		}
		if (operation instanceof DropConstraint op) {
			return "op.dropConstraint(" + q(op.name()) + ", " + q(op.table()) + ", ConstraintType." + op.type().name()
					+ ");";
		}
		if (operation instanceof ExecuteSql op) {
			return "op.execute(" + q(op.sql()) + ");";
		}
		BulkInsert op = (BulkInsert) operation;
		throw new IllegalArgumentException("autogenerate does not write bulk inserts (table " + op.table() + ")");
	}

	private static String createTable(CreateTable table) {
		StringBuilder java = new StringBuilder("CreateTable.of(").append(q(table.table()));
		for (Column column : table.columns()) {
			java.append(",\n\t\t\t\t").append(column(column));
		}
		java.append(")");
		for (UniqueKey key : table.uniqueKeys()) {
			java.append(
					with("Unique", "new UniqueKey(" + q(key.name()) + ", List.of(" + strings(key.columns()) + "))"));
		}
		for (ForeignKey key : table.foreignKeys()) {
			java.append(with("ForeignKey", foreignKey(key)));
		}
		for (CheckConstraint check : table.checks()) {
			java.append(with("Check", "new CheckConstraint(" + q(check.name()) + ", " + q(check.condition()) + ")"));
		}
		return java.toString();
	}

	/** One {@code .withX(...)} call on a table definition, on a line of its own. */
	private static String with(String what, String argument) {
		return "\n\t\t\t.with" + what + "(" + argument + ")";
	}

	private static String foreignKey(ForeignKey key) {
		return "new ForeignKey(" + q(key.name()) + ", List.of(" + strings(key.columns()) + "), "
				+ q(key.referencedTable()) + ", List.of(" + strings(key.referencedColumns()) + "), " + q(key.onDelete())
				+ ")";
	}

	private static String alterColumn(AlterColumn op) {
		StringBuilder java = new StringBuilder("AlterColumn.of(").append(q(op.table()))
			.append(", ")
			.append(q(op.column()))
			.append(")");
		if (op.type() != null) {
			java.append(".type(").append(type(op.type())).append(")");
		}
		if (op.nullable() != null) {
			java.append(".nullable(").append(op.nullable()).append(")");
		}
		if (op.defaultChange() != null) {
			java.append(".defaultValue(").append(q(op.defaultChange().sql())).append(")");
		}
		if (op.renames()) {
			java.append(".rename(").append(q(op.newName())).append(")");
		}
		if (op.existing() != null) {
			java.append("\n\t\t\t.existing(").append(column(op.existing())).append(")");
		}
		return java.toString();
	}

	static String column(Column column) {
		StringBuilder java = new StringBuilder("Column.of(").append(q(column.name()))
			.append(", ")
			.append(type(column.type()))
			.append(")");
		if (column.primaryKey()) {
			java.append(".asPrimaryKey()");
		}
		else if (!column.nullable()) {
			java.append(".notNull()");
		}
		if (column.identity()) {
			java.append(".asIdentity()");
		}
		if (column.defaultValue() != null) {
			java.append(".defaultValue(").append(q(column.defaultValue())).append(")");
		}
		return java.toString();
	}

	static String type(ColumnType type) {
		return switch (type.kind()) {
			case SMALLINT -> "ColumnType.smallint()";
			case INTEGER -> "ColumnType.integer()";
			case BIGINT -> "ColumnType.bigint()";
			case REAL -> "ColumnType.real()";
			case DOUBLE -> "ColumnType.doublePrecision()";
			case STRING -> "ColumnType.string(" + type.length() + ")";
			case CHAR -> "ColumnType.fixedString(" + type.length() + ")";
			case TEXT -> "ColumnType.text()";
			case BOOLEAN -> "ColumnType.bool()";
			case NUMERIC -> "ColumnType.numeric(" + type.precision() + ", " + type.scale() + ")";
			case DATE -> "ColumnType.date()";
			case TIME -> "ColumnType.time()";
			case TIMESTAMP -> "ColumnType.timestamp()";
			case TIMESTAMP_TZ -> "ColumnType.timestampWithTimeZone()";
			case UUID -> "ColumnType.uuid()";
			case JSON -> "ColumnType.json()";
			case BINARY -> (type.length() != null) ? "ColumnType.binary(" + type.length() + ")" : "ColumnType.blob()";
			case ENUM -> "ColumnType.enumOf(" + strings(type.values()) + ")";
			case RAW -> "ColumnType.raw(" + q(type.raw()) + ")";
		};
	}

	private static String strings(List<String> values) {
		return values.stream().map(JavaRenderer::q).collect(Collectors.joining(", "));
	}

	static String q(@Nullable String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder java = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> java.append("\\\"");
				case '\\' -> java.append("\\\\");
				case '\n' -> java.append("\\n");
				case '\r' -> java.append("\\r");
				case '\t' -> java.append("\\t");
				default -> java.append(c);
			}
		}
		return java.append('"').toString();
	}

}
