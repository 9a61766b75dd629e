package dev.migration.autogenerate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migration.MigrationException;
import dev.migration.op.AlterColumn;
import dev.migration.op.Column;
import dev.migration.op.CreateIndex;
import dev.migration.op.CreateTable;
import dev.migration.op.ForeignKey;
import dev.migration.op.RenameTable;
import dev.migration.op.TableDefinition;
import dev.migration.op.UniqueKey;

/**
 * Renames the user confirmed ({@code --rename pet.name=title} for a column,
 * {@code --rename pet=animal} for a table): applied to the live schema before the
 * comparison, so that the renamed table or column is compared with its new self instead
 * of being dropped and added (which loses its data). The keys and indexes that use it
 * follow.
 *
 * @param columns {@code table.old} to the new column name (the table by its old or new
 * name)
 * @param tables old table name to new
 */
public record Renames(Map<String, String> columns, Map<String, String> tables) {

	/** No renames. */
	public static final Renames NONE = new Renames(Map.of(), Map.of());

	public Renames {
		columns = Map.copyOf(columns);
		tables = Map.copyOf(tables);
	}

	/**
	 * Parse {@code table.old=new} (a column) and {@code old=new} (a table).
	 * @param specs the options as given
	 * @return the renames
	 */
	public static Renames parse(List<String> specs) {
		Map<String, String> columns = new LinkedHashMap<>();
		Map<String, String> tables = new LinkedHashMap<>();
		for (String spec : specs) {
			int equals = spec.indexOf('=');
			if (equals <= 0 || equals == spec.length() - 1 || spec.indexOf('=', equals + 1) >= 0) {
				throw new MigrationException("Cannot read the rename '" + spec + "': write table.old_column=new_column "
						+ "for a column or old_table=new_table for a table");
			}
			String from = spec.substring(0, equals).strip().toLowerCase(Locale.ROOT);
			String to = spec.substring(equals + 1).strip();
			(from.contains(".") ? columns : tables).put(from, to);
		}
		return new Renames(columns, tables);
	}

	/**
	 * These renames and more.
	 * @param specs further renames, as {@link #parse(List)} reads them
	 * @return the renames together
	 */
	public Renames with(List<String> specs) {
		Renames more = parse(specs);
		Map<String, String> columns = new LinkedHashMap<>(this.columns);
		columns.putAll(more.columns);
		Map<String, String> tables = new LinkedHashMap<>(this.tables);
		tables.putAll(more.tables);
		return new Renames(columns, tables);
	}

	boolean isEmpty() {
		return this.columns.isEmpty() && this.tables.isEmpty();
	}

	/**
	 * The live schema as it is after the renames, and the changes that make them.
	 * @param desired the wanted schema (a new name must be in it)
	 * @param live the database's schema (an old name must be in it)
	 * @param changes receives the rename changes, tables first
	 * @return the live schema renamed
	 */
	SchemaModel apply(SchemaModel desired, SchemaModel live, List<Change> changes) {
		List<TableDefinition> tables = new ArrayList<>(live.tables());
		this.tables.forEach((from, to) -> {
			TableDefinition table = live.table(from)
				.orElseThrow(() -> new MigrationException("Cannot rename table " + from + " to " + to
						+ ": the database has no table " + from + "; check the --rename option"));
			if (desired.table(to).isEmpty()) {
				throw new MigrationException("Cannot rename table " + from + " to " + to + ": the models have no table "
						+ to + "; check the --rename option");
			}
			changes.add(Change.reversible(new RenameTable(table.name(), to), null));
			tables.replaceAll((each) -> renameTable(each, table.name(), to));
		});
		this.columns.forEach((key, to) -> {
			String tableName = key.substring(0, key.lastIndexOf('.'));
			String from = key.substring(key.lastIndexOf('.') + 1);
			String renamedTable = this.tables.getOrDefault(tableName, tableName);
			TableDefinition table = tables.stream()
				.filter((each) -> each.name().equalsIgnoreCase(renamedTable))
				.findFirst()
				.orElseThrow(() -> new MigrationException("Cannot rename column " + key + " to " + to
						+ ": the database has no table " + tableName + "; check the --rename option"));
			Column column = table.table()
				.column(from)
				.orElseThrow(() -> new MigrationException(
						"Cannot rename column " + key + " to " + to + ": the database's table " + table.name()
								+ " has no column " + from + "; check the --rename option"));
			boolean wanted = desired.table(table.name()).flatMap((each) -> each.table().column(to)).isPresent();
			if (!wanted) {
				throw new MigrationException("Cannot rename column " + key + " to " + to + ": the models' table "
						+ table.name() + " has no column " + to + "; check the --rename option");
			}
			changes
				.add(Change.reversible(AlterColumn.of(table.name(), column.name()).existing(column).rename(to), null));
			tables.replaceAll((each) -> renameColumn(each, table.name(), column.name(), to));
		});
		Map<String, String> keyNames = new LinkedHashMap<>();
		live.primaryKeyNames()
			.forEach((table, name) -> keyNames.put(this.tables.getOrDefault(table, table).toLowerCase(Locale.ROOT),
					name));
		return live.withTables(tables).withComments(renamedComments(live.comments())).withPrimaryKeyNames(keyNames);
	}

	/** The comments under the names the renames give their tables and columns. */
	private Map<String, String> renamedComments(Map<String, String> comments) {
		Map<String, String> renamed = new LinkedHashMap<>();
		comments.forEach((key, text) -> {
			int dot = key.indexOf('.');
			String table = (dot < 0) ? key : key.substring(0, dot);
			String newTable = this.tables.getOrDefault(table, table).toLowerCase(Locale.ROOT);
			if (dot < 0) {
				renamed.put(newTable, text);
				return;
			}
			String column = key.substring(dot + 1);
			String newColumn = this.columns.getOrDefault(key, this.columns.get(newTable + "." + column));
			renamed.put(Comments.key(newTable, (newColumn != null) ? newColumn : column), text);
		});
		return renamed;
	}

	private static TableDefinition renameTable(TableDefinition table, String from, String to) {
		boolean self = table.name().equalsIgnoreCase(from);
		CreateTable create = table.table();
		List<ForeignKey> keys = create.foreignKeys()
			.stream()
			.map((key) -> key.referencedTable().equalsIgnoreCase(from)
					? new ForeignKey(key.name(), key.columns(), to, key.referencedColumns(), key.onDelete()) : key)
			.toList();
		String name = self ? to : table.name();
		return new TableDefinition(new CreateTable(name, create.columns(), create.uniqueKeys(), keys, create.checks()),
				table.indexes()
					.stream()
					.map((index) -> new CreateIndex(index.name(), name, index.columns(), index.unique(),
							index.concurrently()))
					.toList());
	}

	private static TableDefinition renameColumn(TableDefinition table, String owner, String from, String to) {
		boolean self = table.name().equalsIgnoreCase(owner);
		CreateTable create = table.table();
		List<ForeignKey> keys = create.foreignKeys()
			.stream()
			.map((key) -> new ForeignKey(key.name(), self ? rename(key.columns(), from, to) : key.columns(),
					key.referencedTable(),
					key.referencedTable().equalsIgnoreCase(owner) ? rename(key.referencedColumns(), from, to)
							: key.referencedColumns(),
					key.onDelete()))
			.toList();
		if (!self) {
			return new TableDefinition(
					new CreateTable(create.table(), create.columns(), create.uniqueKeys(), keys, create.checks()),
					table.indexes());
		}
		List<Column> columns = create.columns()
			.stream()
			.map((column) -> column.name().equalsIgnoreCase(from) ? column.withName(to) : column)
			.toList();
		List<UniqueKey> uniques = create.uniqueKeys()
			.stream()
			.map((key) -> new UniqueKey(key.name(), rename(key.columns(), from, to)))
			.toList();
		return new TableDefinition(new CreateTable(create.table(), columns, uniques, keys, create.checks()),
				table.indexes()
					.stream()
					.map((index) -> new CreateIndex(index.name(), index.table(), rename(index.columns(), from, to),
							index.unique(), index.concurrently()))
					.toList());
	}

	private static List<String> rename(List<String> names, String from, String to) {
		return names.stream().map((name) -> name.equalsIgnoreCase(from) ? to : name).toList();
	}

}
