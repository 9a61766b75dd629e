package dev.migration.op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.MigrationException;
import dev.migration.sql.Dialect;

/**
 * SQLite's way of altering a table (its documented "12 step" procedure, minus the parts
 * the engine's transaction handles): create the new shape under a temporary name, copy
 * the rows, drop the old table, rename the new one, recreate the indexes.
 */
final class TableRebuild {

	private TableRebuild() {
	}

	/**
	 * Apply the operations to the table's model.
	 * @param definition the table as it is
	 * @param operations changes to this table
	 * @return the table as it will be, and the old name of each new column (or null when
	 * new)
	 */
	static Result apply(TableDefinition definition, List<Operation> operations) {
		CreateTable table = definition.table();
		List<CreateIndex> indexes = new ArrayList<>(definition.indexes());
		List<String> sources = new ArrayList<>(table.columns().stream().map(Column::name).toList());
		for (Operation operation : operations) {
			if (operation instanceof AddColumn op) {
				table = table.withColumns(CreateTable.append(table.columns(), op.column()));
				sources.add(null);
			}
			else if (operation instanceof DropColumn op) {
				int index = indexOf(table, op.column(), op);
				List<Column> columns = new ArrayList<>(table.columns());
				columns.remove(index);
				sources.remove(index);
				table = withoutColumn(table.withColumns(columns), op.column());
				indexes.removeIf((each) -> containsIgnoreCase(each.columns(), op.column()));
			}
			else if (operation instanceof AlterColumn op) {
				int index = indexOf(table, op.column(), op);
				Column current = table.columns().get(index);
				Column after = op.existing(current).after().orElseThrow();
				List<Column> columns = new ArrayList<>(table.columns());
				columns.set(index, after);
				table = table.withColumns(columns);
				if (op.renames()) {
					table = renameColumn(table, op.column(), op.newName());
					indexes.replaceAll((each) -> new CreateIndex(each.name(), each.table(),
							rename(each.columns(), op.column(), op.newName()), each.unique(), false));
				}
			}
			else if (operation instanceof CreateIndex op) {
				indexes.add(op);
			}
			else if (operation instanceof DropIndex op) {
				indexes.removeIf((each) -> each.name().equalsIgnoreCase(op.name()));
			}
			else if (operation instanceof CreateForeignKey op) {
				table = table.withForeignKey(op.foreignKey());
			}
			else if (operation instanceof CreateUniqueConstraint op) {
				table = table.withUnique(op.uniqueKey());
			}
			else if (operation instanceof CreateCheckConstraint op) {
				table = table.withCheck(op.check());
			}
			else if (operation instanceof DropConstraint op) {
				table = dropConstraint(table, op);
			}
			else {
				throw new MigrationException(
						OperationNotSupportedException.describe(operation) + " cannot be part of a batch on table "
								+ definition.name() + "; run it outside batchAlterTable");
			}
		}
		return new Result(new TableDefinition(table, indexes), sources);
	}

	static List<String> render(TableDefinition before, Result result) {
		Dialect d = Dialect.SQLITE;
		String name = before.name();
		String temporary = "_migration_tmp_" + name;
		CreateTable after = result.definition().table();
		List<String> sql = new ArrayList<>();
		sql.add(SqlRenderer.createTable(after.named(temporary), d));
		List<String> into = new ArrayList<>();
		List<String> from = new ArrayList<>();
		for (int i = 0; i < after.columns().size(); i++) {
			String source = result.sources().get(i);
			if (source != null) {
				into.add(after.columns().get(i).name());
				from.add(source);
			}
		}
		if (!into.isEmpty()) {
			sql.add("INSERT INTO " + SqlRenderer.q(temporary, d) + " (" + Identifiers.list(into, d) + ") SELECT "
					+ Identifiers.list(from, d) + " FROM " + SqlRenderer.q(name, d));
		}
		sql.add("DROP TABLE " + SqlRenderer.q(name, d));
		sql.add("ALTER TABLE " + SqlRenderer.q(temporary, d) + " RENAME TO " + SqlRenderer.q(name, d));
		for (CreateIndex index : result.definition().indexes()) {
			sql.addAll(
					SqlRenderer.render(new CreateIndex(index.name(), name, index.columns(), index.unique(), false), d));
		}
		return sql;
	}

	private static int indexOf(CreateTable table, String column, Operation op) {
		for (int i = 0; i < table.columns().size(); i++) {
			if (table.columns().get(i).name().equalsIgnoreCase(column)) {
				return i;
			}
		}
		throw new MigrationException(OperationNotSupportedException.describe(op) + ": table " + table.table()
				+ " has no column " + column + "; check the column name");
	}

	private static CreateTable withoutColumn(CreateTable table, String column) {
		return new CreateTable(table.table(), table.columns(),
				table.uniqueKeys().stream().filter((key) -> !containsIgnoreCase(key.columns(), column)).toList(),
				table.foreignKeys().stream().filter((key) -> !containsIgnoreCase(key.columns(), column)).toList(),
				table.checks().stream().filter((check) -> !mentions(check.condition(), column)).toList());
	}

	private static CreateTable renameColumn(CreateTable table, String from, String to) {
		return new CreateTable(table.table(), table.columns(),
				table.uniqueKeys()
					.stream()
					.map((key) -> new UniqueKey(key.name(), rename(key.columns(), from, to)))
					.toList(),
				table.foreignKeys()
					.stream()
					.map((key) -> new ForeignKey(key.name(), rename(key.columns(), from, to), key.referencedTable(),
							key.referencedColumns(), key.onDelete()))
					.toList(),
				table.checks()
					.stream()
					.map((check) -> new CheckConstraint(check.name(),
							word(from).matcher(check.condition())
								.replaceAll(Matcher.quoteReplacement(Identifiers.quote(to, Dialect.SQLITE)))))
					.toList());
	}

	private static CreateTable dropConstraint(CreateTable table, DropConstraint op) {
		if (op.type() == ConstraintType.PRIMARY_KEY) {
			return table.withColumns(table.columns()
				.stream()
				.map((column) -> new Column(column.name(), column.type(), column.nullable(), column.defaultValue(),
						false, false))
				.toList());
		}
		List<UniqueKey> uniques = table.uniqueKeys()
			.stream()
			.filter((key) -> !op.name().equalsIgnoreCase(key.name()))
			.toList();
		List<ForeignKey> keys = table.foreignKeys()
			.stream()
			.filter((key) -> !op.name().equalsIgnoreCase(key.name()))
			.toList();
		List<CheckConstraint> checks = table.checks()
			.stream()
			.filter((check) -> !op.name().equalsIgnoreCase(check.name()))
			.toList();
		if (uniques.size() + keys.size() + checks.size() == table.uniqueKeys().size() + table.foreignKeys().size()
				+ table.checks().size()) {
			throw new MigrationException(OperationNotSupportedException.describe(op) + ": table " + table.table()
					+ " has no constraint named " + op.name() + "; SQLite keeps only names given in CREATE TABLE");
		}
		return new CreateTable(table.table(), table.columns(), uniques, keys, checks);
	}

	private static boolean containsIgnoreCase(List<String> names, String name) {
		return names.stream().anyMatch(name::equalsIgnoreCase);
	}

	private static List<String> rename(List<String> names, String from, String to) {
		return names.stream().map((name) -> name.equalsIgnoreCase(from) ? to : name).toList();
	}

	private static boolean mentions(String condition, String column) {
		return word(column).matcher(condition).find();
	}

	private static Pattern word(String column) {
		return Pattern.compile("(?<![\\w])[\"`]?" + Pattern.quote(column) + "[\"`]?(?![\\w])",
				Pattern.CASE_INSENSITIVE);
	}

	/**
	 * The rebuilt table and, per new column, the old column it is copied from.
	 */
	record Result(TableDefinition definition, List<String> sources) {

		Result {
			sources = Collections.unmodifiableList(new ArrayList<>(sources));
		}

	}

}
