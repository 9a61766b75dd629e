package dev.migration.op;

import dev.migration.MigrationException;
import dev.migration.sql.Dialect;

/**
 * An operation that the dialect cannot perform as asked (SQLite cannot alter columns or
 * add constraints in place; MySQL needs the existing type to change a column).
 */
public class OperationNotSupportedException extends MigrationException {

	private final transient Operation operation;

	private final Dialect dialect;

	public OperationNotSupportedException(Operation operation, Dialect dialect, String remedy) {
		super(describe(operation) + " is not supported on " + dialect + ": " + remedy);
		this.operation = operation;
		this.dialect = dialect;
	}

	static String describe(Operation operation) {
		String type = operation.getClass().getSimpleName();
		return operation.table().isEmpty() ? type : type + " on table " + operation.table();
	}

	public Operation operation() {
		return this.operation;
	}

	public Dialect dialect() {
		return this.dialect;
	}

}
