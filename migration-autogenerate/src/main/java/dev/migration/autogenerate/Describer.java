package dev.migration.autogenerate;

import java.util.Locale;

import dev.migration.op.AddColumn;
import dev.migration.op.AlterColumn;
import dev.migration.op.CreateForeignKey;
import dev.migration.op.CreateIndex;
import dev.migration.op.CreateTable;
import dev.migration.op.CreateUniqueConstraint;
import dev.migration.op.DropColumn;
import dev.migration.op.DropConstraint;
import dev.migration.op.DropIndex;
import dev.migration.op.DropTable;
import dev.migration.op.Operation;

/** One line per operation, as {@code check} lists differences. */
final class Describer {

	private Describer() {
	}

	static String describe(Operation operation) {
		if (operation instanceof CreateTable op) {
			return "add table " + op.table();
		}
		if (operation instanceof DropTable op) {
			return "remove table " + op.table();
		}
		if (operation instanceof AddColumn op) {
			return "add column " + op.table() + "." + op.column().name() + " " + op.column().type();
		}
		if (operation instanceof DropColumn op) {
			return "remove column " + op.table() + "." + op.column();
		}
		if (operation instanceof AlterColumn op) {
			StringBuilder text = new StringBuilder("modify column " + op.table() + "." + op.column() + ":");
			if (op.type() != null) {
				text.append(" type ")
					.append((op.existing() != null) ? op.existing().type() + " -> " : "")
					.append(op.type());
			}
			if (op.nullable() != null) {
				text.append(op.nullable() ? " nullable" : " not null");
			}
			if (op.defaultChange() != null) {
				text.append(" default ").append(op.defaultChange().sql());
			}
			return text.toString();
		}
		if (operation instanceof CreateIndex op) {
			return "add " + (op.unique() ? "unique " : "") + "index " + op.name() + " on " + op.table() + op.columns();
		}
		if (operation instanceof DropIndex op) {
			return "remove index " + op.name() + " on " + op.table();
		}
		if (operation instanceof CreateUniqueConstraint op) {
			return "add unique constraint " + op.uniqueKey().name() + " on " + op.table() + op.uniqueKey().columns();
		}
		if (operation instanceof CreateForeignKey op) {
			return "add foreign key " + op.foreignKey().name() + " on " + op.table() + op.foreignKey().columns()
					+ " -> " + op.foreignKey().referencedTable() + op.foreignKey().referencedColumns();
		}
		if (operation instanceof DropConstraint op) {
			return "remove " + op.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + op.name() + " on "
					+ op.table();
		}
		if (operation instanceof dev.migration.op.ExecuteSql op) {
			return op.sql();
		}
		if (operation instanceof dev.migration.op.CreateCheckConstraint op) {
			return "add check constraint " + op.check().name() + " on " + op.table() + ": " + op.check().condition();
		}
		return operation.getClass().getSimpleName() + " " + operation.table();
	}

}
