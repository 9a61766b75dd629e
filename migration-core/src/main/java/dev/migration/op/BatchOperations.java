package dev.migration.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The changes to one table collected by {@link Operations#batchAlterTable}; the table is
 * implied.
 */
public final class BatchOperations {

	private final String table;

	private final List<Operation> operations = new ArrayList<>();

	BatchOperations(String table) {
		this.table = table;
	}

	public String table() {
		return this.table;
	}

	List<Operation> operations() {
		return List.copyOf(this.operations);
	}

	/**
	 * Add any operation on this batch's table (what autogenerate uses).
	 * @param operation the operation
	 * @return this batch
	 */
	public BatchOperations add(Operation operation) {
		if (!operation.table().equalsIgnoreCase(this.table)) {
			throw new IllegalArgumentException(OperationNotSupportedException.describe(operation)
					+ " cannot be part of a batch on table " + this.table);
		}
		this.operations.add(operation);
		return this;
	}

	public BatchOperations addColumn(Column column) {
		add(new AddColumn(this.table, column));
		return this;
	}

	public BatchOperations dropColumn(String column) {
		add(new DropColumn(this.table, column, null));
		return this;
	}

	public BatchOperations dropColumn(Column existing) {
		add(new DropColumn(this.table, existing.name(), existing));
		return this;
	}

	/**
	 * Alter a column: {@code batch.alterColumn("email", (c) -> c.nullable(false))}.
	 */
	public BatchOperations alterColumn(String column, UnaryOperator<AlterColumn> change) {
		add(change.apply(AlterColumn.of(this.table, column)));
		return this;
	}

	public BatchOperations createIndex(String name, String... columns) {
		add(new CreateIndex(name, this.table, Arrays.asList(columns), false, false));
		return this;
	}

	public BatchOperations createUniqueIndex(String name, String... columns) {
		add(new CreateIndex(name, this.table, Arrays.asList(columns), true, false));
		return this;
	}

	public BatchOperations dropIndex(String name) {
		add(DropIndex.of(name, this.table));
		return this;
	}

	public BatchOperations createForeignKey(ForeignKey foreignKey) {
		add(new CreateForeignKey(this.table, foreignKey));
		return this;
	}

	public BatchOperations createUniqueConstraint(String name, String... columns) {
		add(new CreateUniqueConstraint(this.table, new UniqueKey(name, Arrays.asList(columns))));
		return this;
	}

	public BatchOperations createCheckConstraint(String name, String condition) {
		add(new CreateCheckConstraint(this.table, new CheckConstraint(name, condition)));
		return this;
	}

	public BatchOperations dropConstraint(String name, ConstraintType type) {
		add(DropConstraint.of(name, this.table, type));
		return this;
	}

}
