package dev.migration.op;

import java.util.List;
import java.util.Optional;

import dev.migration.sql.Dialect;

/**
 * One schema change as an object: executed by {@link Operations#run(Operation)} and
 * rendered for offline SQL by {@link #toSql(Dialect)}, which is the same code path (the
 * context decides whether the SQL runs or is printed).
 */
public sealed interface Operation
		permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, CreateIndex, DropIndex,
		CreateForeignKey, CreateUniqueConstraint, CreateCheckConstraint, DropConstraint, ExecuteSql, BulkInsert {

	/**
	 * The table this operation changes, empty for {@link ExecuteSql}.
	 * @return the table name
	 */
	String table();

	/**
	 * The operation that undoes this one, when this one carries enough information (a
	 * {@link DropColumn} needs the column definition, an {@link AlterColumn} the existing
	 * type, nullability and default of what it changes).
	 * @return the inverse, or empty when the operation cannot be reversed
	 */
	Optional<Operation> reverse();

	/**
	 * The statements that perform this operation on the dialect.
	 * @param dialect the dialect
	 * @return the statements, without trailing delimiters
	 * @throws OperationNotSupportedException when the dialect cannot do it in place
	 * (SQLite: use {@link Operations#batchAlterTable})
	 */
	default List<String> toSql(Dialect dialect) {
		return SqlRenderer.render(this, dialect);
	}

}
