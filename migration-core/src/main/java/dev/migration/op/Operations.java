package dev.migration.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationContext;
import dev.migration.sql.Dialect;

/**
 * Alembic's {@code op} for Java migrations: each method builds an {@link Operation},
 * renders it for the context's dialect and hands every statement to
 * {@link MigrationContext#execute(String)}, which runs it, or prints it in offline mode.
 * <p>
 * On SQLite, changes that SQLite cannot make in place (altering a column, adding or
 * dropping a constraint, dropping an indexed column) are done by rebuilding the table, as
 * {@link #batchAlterTable} does; that needs the connection to read the table, so offline
 * SQL for them needs {@link #batchAlterTable(TableDefinition, Consumer)}.
 */
public final class Operations {

	private static final Logger log = LoggerFactory.getLogger(Operations.class);

	private final MigrationContext context;

	private Operations(MigrationContext context) {
		this.context = Objects.requireNonNull(context, "context");
	}

	/**
	 * The operations for a migration context.
	 * @param context the context
	 * @return the operations
	 */
	public static Operations of(MigrationContext context) {
		return new Operations(context);
	}

	public Dialect dialect() {
		return this.context.dialect();
	}

	/**
	 * Execute (or print) any operation, such as the {@link Operation#reverse() inverse}
	 * of another.
	 * @param operation the operation
	 */
	public void run(Operation operation) {
		if (dialect() == Dialect.SQLITE && !this.context.isOffline() && SqliteSupport.needsRebuild(operation,
				() -> SqliteTableReader.read(this.context.connection(), operation.table()))) {
			batchAlterTable(operation.table(), (batch) -> batch.add(operation));
			return;
		}
		for (String sql : operation.toSql(dialect())) {
			this.context.execute(sql);
		}
	}

	public void createTable(String table, Column... columns) {
		run(CreateTable.of(table, columns));
	}

	public void createTable(CreateTable table) {
		run(table);
	}

	public void dropTable(String table) {
		run(new DropTable(table, null));
	}

	public void renameTable(String table, String newName) {
		run(new RenameTable(table, newName));
	}

	public void addColumn(String table, Column column) {
		run(new AddColumn(table, column));
	}

	public void dropColumn(String table, String column) {
		run(new DropColumn(table, column, null));
	}

	/**
	 * Drop a column, keeping its definition so that the operation can be reversed.
	 */
	public void dropColumn(String table, Column existing) {
		run(new DropColumn(table, existing.name(), existing));
	}

	/**
	 * Alter a column, for example
	 * {@code op.alterColumn(AlterColumn.of("users", "email").type(ColumnType.string(320)).nullable(false))}.
	 */
	public void alterColumn(AlterColumn alteration) {
		run(alteration);
	}

	public void createIndex(String name, String table, String... columns) {
		run(CreateIndex.of(name, table, columns));
	}

	public void createUniqueIndex(String name, String table, String... columns) {
		run(CreateIndex.of(name, table, columns).asUnique());
	}

	public void createIndex(CreateIndex index) {
		run(index);
	}

	public void dropIndex(String name, String table) {
		run(DropIndex.of(name, table));
	}

	public void createForeignKey(String name, String table, List<String> columns, String referencedTable,
			List<String> referencedColumns) {
		run(new CreateForeignKey(table, new ForeignKey(name, columns, referencedTable, referencedColumns, null)));
	}

	public void createForeignKey(String table, ForeignKey foreignKey) {
		run(new CreateForeignKey(table, foreignKey));
	}

	public void createUniqueConstraint(String name, String table, String... columns) {
		run(new CreateUniqueConstraint(table, new UniqueKey(name, Arrays.asList(columns))));
	}

	public void createCheckConstraint(String name, String table, String condition) {
		run(new CreateCheckConstraint(table, new CheckConstraint(name, condition)));
	}

	public void dropConstraint(String name, String table, ConstraintType type) {
		run(DropConstraint.of(name, table, type));
	}

	/** Execute (or print) a literal SQL statement. */
	public void execute(String sql) {
		run(new ExecuteSql(sql));
	}

	public void bulkInsert(String table, List<String> columns, List<List<@Nullable Object>> rows) {
		run(new BulkInsert(table, columns, rows));
	}

	/**
	 * Insert rows given as maps from column name to value; the columns are those of the
	 * first row.
	 */
	public void bulkInsert(String table, List<Map<String, @Nullable Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<String> columns = new ArrayList<>(rows.get(0).keySet());
		List<List<@Nullable Object>> values = new ArrayList<>();
		for (Map<String, @Nullable Object> row : rows) {
			List<@Nullable Object> list = new ArrayList<>();
			for (String column : columns) {
				list.add(row.get(column));
			}
			values.add(list);
		}
		run(new BulkInsert(table, columns, values));
	}

	/**
	 * Group changes to one table. On SQLite, when any change cannot be made in place, the
	 * table is rebuilt once for all of them (its current shape is read from the
	 * database); elsewhere, and when all changes can be made in place, each runs as it
	 * would outside the batch.
	 * @param table the table
	 * @param changes adds the changes to the batch
	 */
	public void batchAlterTable(String table, Consumer<BatchOperations> changes) {
		BatchOperations batch = new BatchOperations(table);
		changes.accept(batch);
		if (dialect() != Dialect.SQLITE) {
			batch.operations().forEach((operation) -> execute(operation.toSql(dialect())));
			return;
		}
		if (this.context.isOffline()) {
			if (SqliteSupport.needsRebuild(batch.operations(), null)) {
				throw new OperationNotSupportedException(batch.operations().get(0), dialect(),
						"offline SQL for a SQLite table rebuild cannot read the table; pass its definition with "
								+ "op.batchAlterTable(TableDefinition, batch -> ...)");
			}
			batch.operations().forEach((operation) -> execute(operation.toSql(dialect())));
			return;
		}
		TableDefinition[] read = new TableDefinition[1];
		Supplier<TableDefinition> reader = () -> {
			if (read[0] == null) {
				read[0] = SqliteTableReader.read(this.context.connection(), table);
			}
			return read[0];
		};
		if (!SqliteSupport.needsRebuild(batch.operations(), reader)) {
			batch.operations().forEach((operation) -> execute(operation.toSql(dialect())));
			return;
		}
		rebuild(reader.get(), batch.operations());
	}

	/**
	 * As {@link #batchAlterTable(String, Consumer)}, from a given table definition
	 * instead of reading the database: what offline SQL for a SQLite rebuild needs.
	 * @param copyFrom the table as it is before the changes
	 * @param changes adds the changes to the batch
	 */
	public void batchAlterTable(TableDefinition copyFrom, Consumer<BatchOperations> changes) {
		BatchOperations batch = new BatchOperations(copyFrom.name());
		changes.accept(batch);
		if (dialect() != Dialect.SQLITE || !SqliteSupport.needsRebuild(batch.operations(), copyFrom::self)) {
			batch.operations().forEach((operation) -> execute(operation.toSql(dialect())));
			return;
		}
		rebuild(copyFrom, batch.operations());
	}

	private void rebuild(TableDefinition before, List<Operation> operations) {
		log.debug("{}: rebuilding SQLite table {} for {} change(s)", this.context.revision().id(), before.name(),
				operations.size());
		execute(TableRebuild.render(before, TableRebuild.apply(before, operations)));
	}

	private void execute(List<String> statements) {
		for (String sql : statements) {
			this.context.execute(sql);
		}
	}

}
