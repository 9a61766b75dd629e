package dev.migration.autogenerate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migration.op.AddColumn;
import dev.migration.op.AlterColumn;
import dev.migration.op.Column;
import dev.migration.op.ConstraintType;
import dev.migration.op.CreateForeignKey;
import dev.migration.op.CreateIndex;
import dev.migration.op.CreateTable;
import dev.migration.op.CreateUniqueConstraint;
import dev.migration.op.DropColumn;
import dev.migration.op.DropConstraint;
import dev.migration.op.DropIndex;
import dev.migration.op.DropTable;
import dev.migration.op.ForeignKey;
import dev.migration.op.Operation;
import dev.migration.op.TableDefinition;
import dev.migration.op.UniqueKey;
import dev.migration.sql.Dialect;

/**
 * Compares a desired schema with a live one, for one dialect: types are compared as the
 * dialect writes them (so aliases such as {@code int4}/{@code INTEGER} match), unique
 * constraints and unique indexes by their columns (databases blur the two), foreign keys
 * by columns and target (names are often generated), check constraints by normalised
 * body, sequences by name. A rename is made only when confirmed ({@link Renames});
 * otherwise it shows as a drop and an add, with a warning naming the possible rename.
 */
public final class SchemaComparator {

	static final String DROP_COLUMN_NOTE = "drops column %s.%s and its data; if it was renamed, generate again with "
			+ "--rename %1$s.%2$s=<new name>";

	private final Dialect dialect;

	private final List<Change> created = new ArrayList<>();

	private final List<Change> altered = new ArrayList<>();

	private final List<Change> dropped = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	private final List<RenameCandidate> candidates = new ArrayList<>();

	private final KeyChanges keys;

	private Map<String, String> primaryKeyNames = Map.of();

	private SchemaComparator(Dialect dialect) {
		this.dialect = dialect;
		this.keys = new KeyChanges(dialect);
	}

	/**
	 * The changes that turn {@code live} into {@code desired}.
	 * @param desired the schema the application wants
	 * @param live the schema the database has
	 * @param dialect the database's dialect
	 * @return the difference
	 */
	public static SchemaDiff compare(SchemaModel desired, SchemaModel live, Dialect dialect) {
		return compare(desired, live, dialect, Renames.NONE);
	}

	/**
	 * The changes that turn {@code live} into {@code desired}, with the renames the user
	 * confirmed made as renames.
	 * @param desired the schema the application wants
	 * @param original the schema the database has
	 * @param dialect the database's dialect
	 * @param renames the confirmed renames
	 * @return the difference
	 */
	public static SchemaDiff compare(SchemaModel desired, SchemaModel original, Dialect dialect, Renames renames) {
		SchemaComparator comparator = new SchemaComparator(dialect);
		SchemaModel live = renames.apply(desired, original, comparator.created);
		comparator.primaryKeyNames = live.primaryKeyNames();
		List<Change> sequences = Sequences.compare(desired.sequences(), live.sequences(), dialect);
		List<Change> sequenceDrops = sequences.stream().filter((change) -> change.comment() != null).toList();
		comparator.created.addAll(sequences.stream().filter((change) -> change.comment() == null).toList());
		for (TableDefinition table : TableOrder.parentsFirst(unnamed(desired.tables()))) {
			live.table(table.name())
				.ifPresentOrElse((existing) -> comparator.compareTable(table, existing),
						() -> comparator.create(table));
		}
		List<TableDefinition> gone = live.tables()
			.stream()
			.filter((table) -> desired.table(table.name()).isEmpty())
			.toList();
		for (TableDefinition table : TableOrder.childrenFirst(gone)) {
			comparator.drop(table);
		}
		comparator.candidates.addAll(RenameCandidates.tables(desired, live));
		List<Change> changes = new ArrayList<>(comparator.created);
		changes.addAll(comparator.keys.arrange(comparator.altered, live));
		changes.addAll(comparator.dropped);
		changes.addAll(sequenceDrops);
		Comments.compare(desired, live, dialect, changes);
		List<String> warnings = new ArrayList<>(comparator.warnings);
		comparator.candidates.forEach((candidate) -> warnings.add(candidate.warning()));
		return new SchemaDiff(changes, warnings, comparator.candidates);
	}

	/**
	 * The desired tables without the constraint names the scratch database made up (H2's
	 * {@code CONSTRAINT_xx}): the target picks its own, or the comparison names them.
	 */
	private static List<TableDefinition> unnamed(List<TableDefinition> tables) {
		return tables.stream().map((table) -> {
			CreateTable create = table.table();
			return new TableDefinition(new CreateTable(create.table(), create.columns(),
					create.uniqueKeys()
						.stream()
						.map((key) -> Checks.generated(key.name()) ? new UniqueKey(null, key.columns()) : key)
						.toList(),
					create.foreignKeys(),
					create.checks()
						.stream()
						.map((check) -> Checks.generated(check.name())
								? new dev.migration.op.CheckConstraint(null, check.condition()) : check)
						.toList()),
					table.indexes());
		}).toList();
	}

	private void create(TableDefinition table) {
		this.created.add(Change.reversible(table.table(), null));
		for (CreateIndex index : table.indexes()) {
			this.created.add(Change.reversible(index, null));
		}
	}

	private void drop(TableDefinition table) {
		List<Operation> restore = new ArrayList<>();
		restore.add(table.table());
		restore.addAll(table.indexes());
		this.dropped.add(new Change(new DropTable(table.name(), table.table()), restore,
				"drops table " + table.name() + " and its data"));
	}

	private void compareTable(TableDefinition desired, TableDefinition live) {
		String table = live.name();
		List<Change> drops = new ArrayList<>();
		List<Change> adds = new ArrayList<>();
		List<Change> dropColumns = new ArrayList<>();
		Map<String, Column> liveColumns = SchemaDiff.byName(live.table().columns(), Column::name);
		Map<String, Column> desiredColumns = SchemaDiff.byName(desired.table().columns(), Column::name);
		for (Column column : desired.table().columns()) {
			Column existing = liveColumns.get(column.name().toLowerCase(Locale.ROOT));
			if (existing == null) {
				adds.add(Change.reversible(new AddColumn(table, column), null));
			}
			else {
				compareColumn(table, column, existing);
			}
		}
		for (Column column : live.table().columns()) {
			if (!desiredColumns.containsKey(column.name().toLowerCase(Locale.ROOT))) {
				dropColumns.add(Change.reversible(new DropColumn(table, column.name(), column),
						String.format(DROP_COLUMN_NOTE, table, column.name())));
			}
		}
		boolean identity = desired.table()
			.columns()
			.stream()
			.anyMatch((column) -> column.identity() && column.primaryKey())
				|| live.table().columns().stream().anyMatch((column) -> column.identity() && column.primaryKey());
		String keyWarning = this.keys.primaryKey(table, live.table().primaryKey(), desired.table().primaryKey(),
				identity, this.primaryKeyNames.get(table.toLowerCase(Locale.ROOT)));
		if (keyWarning != null) {
			this.warnings.add(keyWarning);
		}
		this.candidates.addAll(RenameCandidates.columns(table, adds, dropColumns, this.dialect));
		compareForeignKeys(table, desired, live, drops, adds);
		compareKeyed(table, uniques(table, desired), uniques(table, live), desired, live, drops, adds);
		compareKeyed(table, plainIndexes(table, desired), plainIndexes(table, live), desired, live, drops, adds);
		Checks.compare(table, desired, live, drops, adds);
		// order: drop keys and indexes first (they may use dropped columns), then add
		// columns, keys and indexes, then drop columns
		List<Change> ordered = new ArrayList<>(drops);
		ordered.addAll(adds.stream().filter((change) -> change.upgrade() instanceof AddColumn).toList());
		ordered.addAll(adds.stream().filter((change) -> !(change.upgrade() instanceof AddColumn)).toList());
		ordered.addAll(dropColumns);
		this.altered.addAll(ordered.subList(0, drops.size()));
		this.altered.addAll(this.pendingAlters);
		this.pendingAlters.clear();
		this.altered.addAll(ordered.subList(drops.size(), ordered.size()));
	}

	private final List<Change> pendingAlters = new ArrayList<>();

	private void compareColumn(String table, Column desired, Column live) {
		AlterColumn alter = AlterColumn.of(table, live.name()).existing(live);
		boolean identity = desired.identity() || live.identity();
		boolean sqliteRowid = this.dialect == Dialect.SQLITE && identity;
		if (!sqliteRowid && !desired.type().toSql(this.dialect).equalsIgnoreCase(live.type().toSql(this.dialect))) {
			alter = alter.type(desired.type());
		}
		if (desired.nullable() != live.nullable() && !(desired.primaryKey() && this.dialect == Dialect.SQLITE)) {
			alter = alter.nullable(desired.nullable());
		}
		if (!identity && !Defaults.same(desired.defaultValue(), live.defaultValue())) {
			alter = alter.defaultValue(desired.defaultValue());
		}
		if (!alter.changesNothing()) {
			String note = (alter.type() != null) ? "changes the type of " + table + "." + live.name() + " from "
					+ live.type() + " to " + desired.type() + "; check that existing values convert" : null;
			this.pendingAlters.add(Change.reversible(alter, note));
		}
	}

	private void compareForeignKeys(String table, TableDefinition desired, TableDefinition live, List<Change> drops,
			List<Change> adds) {
		Map<String, ForeignKey> wanted = keyed(desired.table().foreignKeys());
		Map<String, ForeignKey> existing = keyed(live.table().foreignKeys());
		existing.forEach((key, foreignKey) -> {
			if (!wanted.containsKey(key)) {
				if (foreignKey.name() == null) {
					this.warnings
						.add("foreign key " + table + foreignKey.columns() + " has no name and cannot be dropped");
					return;
				}
				CreateForeignKey definition = new CreateForeignKey(table, foreignKey);
				drops.add(new Change(definition.reverse().orElseThrow(), List.of(definition), null));
			}
		});
		wanted.forEach((key, foreignKey) -> {
			if (!existing.containsKey(key)) {
				ForeignKey named = (foreignKey.name() != null) ? foreignKey
						: new ForeignKey("fk_" + table + "_" + String.join("_", foreignKey.columns()),
								foreignKey.columns(), foreignKey.referencedTable(), foreignKey.referencedColumns(),
								foreignKey.onDelete());
				adds.add(Change.reversible(new CreateForeignKey(table, named), null));
			}
		});
	}

	private static Map<String, ForeignKey> keyed(List<ForeignKey> keys) {
		Map<String, ForeignKey> map = new LinkedHashMap<>();
		for (ForeignKey key : keys) {
			map.put(SchemaDiff.key(key.columns()) + "->" + key.referencedTable().toLowerCase(Locale.ROOT) + "("
					+ SchemaDiff.key(key.referencedColumns()) + ")", key);
		}
		return map;
	}

	/**
	 * Unique constraints or plain indexes, keyed by their columns: the live ones not
	 * wanted are dropped, the wanted ones missing added, both around the foreign keys
	 * that need them.
	 */
	private void compareKeyed(String table, Map<String, ? extends Operation> wanted,
			Map<String, ? extends Operation> existing, TableDefinition desired, TableDefinition live,
			List<Change> drops, List<Change> adds) {
		existing.forEach((key, operation) -> {
			if (!wanted.containsKey(key)) {
				if (operation instanceof CreateUniqueConstraint constraint && constraint.uniqueKey().name() == null) {
					this.warnings.add("unique constraint " + table + constraint.uniqueKey().columns()
							+ " has no name and cannot be dropped");
					return;
				}
				guardForeignKeys(table, columnsOf(operation), desired, live, drops);
				drops.add(new Change(operation.reverse().orElseThrow(), List.of(operation), null));
			}
		});
		wanted.forEach((key, operation) -> {
			if (!existing.containsKey(key)) {
				adds.add(guardedAdd(table, operation, columnsOf(operation), desired, live));
			}
		});
	}

	private static List<String> columnsOf(Operation operation) {
		return (operation instanceof CreateIndex index) ? index.columns()
				: ((CreateUniqueConstraint) operation).uniqueKey().columns();
	}

	/**
	 * MySQL/MariaDB drop the index they made for a foreign key when a new index can serve
	 * it, and refuse to drop that new index later; so before an index that serves a
	 * foreign key is dropped, an index of the key's own is created.
	 */
	private List<CreateIndex> foreignKeyIndexes(String table, List<String> columns, TableDefinition desired,
			TableDefinition live) {
		if (this.dialect != Dialect.MYSQL) {
			return List.of();
		}
		Map<String, ForeignKey> keys = keyed(live.table().foreignKeys());
		keyed(desired.table().foreignKeys()).forEach(keys::putIfAbsent);
		List<CreateIndex> indexes = new ArrayList<>();
		for (ForeignKey key : keys.values()) {
			List<String> lower = columns.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
			List<String> keyColumns = key.columns().stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
			if (key.name() != null && lower.size() >= keyColumns.size()
					&& lower.subList(0, keyColumns.size()).equals(keyColumns)) {
				indexes.add(new CreateIndex(key.name(), table, key.columns(), false, false));
			}
		}
		return indexes;
	}

	private void guardForeignKeys(String table, List<String> columns, TableDefinition desired, TableDefinition live,
			List<Change> drops) {
		for (CreateIndex index : foreignKeyIndexes(table, columns, desired, live)) {
			drops.add(new Change(index, List.of(new DropIndex(index.name(), table, false, index)),
					"keeps an index for foreign key " + index.name() + " (MySQL needs one)"));
		}
	}

	private Change guardedAdd(String table, Operation operation, List<String> columns, TableDefinition desired,
			TableDefinition live) {
		List<Operation> downgrade = new ArrayList<>(foreignKeyIndexes(table, columns, desired, live));
		downgrade.add(operation.reverse().orElseThrow());
		return new Change(operation, downgrade, null);
	}

	private static Map<String, Operation> uniques(String table, TableDefinition definition) {
		Map<String, Operation> map = new LinkedHashMap<>();
		for (UniqueKey key : definition.table().uniqueKeys()) {
			UniqueKey named = (key.name() != null) ? key
					: new UniqueKey("uq_" + table + "_" + String.join("_", key.columns()), key.columns());
			map.put(SchemaDiff.key(key.columns()), new CreateUniqueConstraint(table, named));
		}
		for (CreateIndex index : definition.indexes()) {
			if (index.unique()) {
				map.putIfAbsent(SchemaDiff.key(index.columns()),
						new CreateIndex(index.name(), table, index.columns(), true, false));
			}
		}
		return map;
	}

	private static Map<String, CreateIndex> plainIndexes(String table, TableDefinition definition) {
		Map<String, CreateIndex> map = new LinkedHashMap<>();
		for (CreateIndex index : definition.indexes()) {
			if (!index.unique()) {
				map.putIfAbsent(SchemaDiff.key(index.columns()),
						new CreateIndex(index.name(), table, index.columns(), false, false));
			}
		}
		return map;
	}

}
