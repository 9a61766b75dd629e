package dev.migration.autogenerate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.op.AlterColumn;
import dev.migration.op.ConstraintType;
import dev.migration.op.CreateForeignKey;
import dev.migration.op.DropConstraint;
import dev.migration.op.ExecuteSql;
import dev.migration.op.ForeignKey;
import dev.migration.op.Operation;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;

/**
 * Primary key changes, and the foreign keys that must be dropped and re-created around
 * them and around type changes of the columns they use: a database refuses to drop a key
 * that a foreign key references (PostgreSQL, H2) or whose index serves one, and
 * MySQL/MariaDB refuse to change the type of a column a foreign key uses. The upgrade
 * runs: those foreign keys dropped, old primary keys dropped, the table changes, new
 * primary keys added, the foreign keys created; the downgrade mirrors it.
 */
final class KeyChanges {

	private final Dialect dialect;

	private final List<Change> keyDrops = new ArrayList<>();

	private final List<Change> keyAdds = new ArrayList<>();

	private final Set<String> keyTables = new HashSet<>();

	KeyChanges(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * Records a primary key change of a table, or says why it is left to the reviewer.
	 * @param table the table
	 * @param live its primary key columns in the database
	 * @param wanted its primary key columns in the models
	 * @param identity whether an identity column is in either key
	 * @param liveName the live key's name where the database names it (PostgreSQL), else
	 * {@code null}
	 * @return a warning, or {@code null} when the change is made
	 */
	String primaryKey(String table, List<String> live, List<String> wanted, boolean identity,
			@Nullable String liveName) {
		if (lower(live).equals(lower(wanted))) {
			return null;
		}
		if (this.dialect == Dialect.SQLITE || identity) {
			return "primary key of " + table + " differs (" + live + " in the database, " + wanted + " wanted); "
					+ ((this.dialect == Dialect.SQLITE) ? "SQLite cannot change a primary key in place"
							: "a key with an identity column is not changed")
					+ "; change it by hand";
		}
		this.keyTables.add(table.toLowerCase(Locale.ROOT));
		if (!live.isEmpty()) {
			this.keyDrops.add(new Change(drop(table, liveName), List.of(add(table, live, liveName)),
					"drops the primary key " + live + " of " + table
							+ " (the foreign keys that use it are dropped before and created after)"));
		}
		if (!wanted.isEmpty()) {
			this.keyAdds.add(new Change(add(table, wanted, null), List.of(drop(table, null)), null));
		}
		return null;
	}

	/**
	 * On PostgreSQL the key is named: the live key by the name it has (another tool, or a
	 * rename of its table, may have given it one other than {@code
	 *
	<table>
	 * _pkey}), a new one {@code
	 *
	<table>
	 * _pkey}, PostgreSQL's own default.
	 */
	private Operation add(String table, List<String> columns, @Nullable String name) {
		String constraint = (this.dialect == Dialect.POSTGRESQL) ? "CONSTRAINT " + quote(pkName(table, name)) + " "
				: "";
		return new ExecuteSql("ALTER TABLE " + quote(table) + " ADD " + constraint + "PRIMARY KEY ("
				+ String.join(", ", columns.stream().map(this::quote).toList()) + ")");
	}

	private Operation drop(String table, @Nullable String name) {
		String what = (this.dialect == Dialect.POSTGRESQL) ? "CONSTRAINT " + quote(pkName(table, name)) : "PRIMARY KEY";
		return new ExecuteSql("ALTER TABLE " + quote(table) + " DROP " + what);
	}

	private static String pkName(String table, @Nullable String name) {
		return (name != null) ? name : table + "_pkey";
	}

	private String quote(String name) {
		return Sequences.quote(name, this.dialect);
	}

	/**
	 * The changes in their order: the guarded foreign keys dropped, old primary keys
	 * dropped, the table changes, new primary keys added, the guarded foreign keys
	 * created.
	 * @param altered the changes of existing tables, in order
	 * @param live the database's schema (after confirmed renames)
	 * @return the ordered changes
	 */
	List<Change> arrange(List<Change> altered, SchemaModel live) {
		Set<String> typed = new HashSet<>();
		for (Change change : altered) {
			if (change.upgrade() instanceof AlterColumn alter && alter.type() != null) {
				typed.add(key(alter.table(), alter.column()));
			}
		}
		List<Change> before = new ArrayList<>();
		List<Change> after = new ArrayList<>();
		List<Change> rest = new ArrayList<>();
		Set<String> dropped = new HashSet<>();
		for (Change change : altered) {
			if (change.upgrade() instanceof DropConstraint drop && drop.type() == ConstraintType.FOREIGN_KEY
					&& drop.definition() instanceof CreateForeignKey definition
					&& guarded(definition.table(), definition.foreignKey(), typed)) {
				before.add(change);
				dropped.add(key(drop.table(), drop.name()));
			}
			else if (change.upgrade() instanceof CreateForeignKey create
					&& guarded(create.table(), create.foreignKey(), typed)) {
				after.add(change);
			}
			else {
				rest.add(change);
			}
		}
		for (TableDefinition table : live.tables()) {
			for (ForeignKey foreignKey : table.table().foreignKeys()) {
				if (foreignKey.name() != null && guarded(table.name(), foreignKey, typed)
						&& !dropped.contains(key(table.name(), foreignKey.name()))) {
					CreateForeignKey definition = new CreateForeignKey(table.name(), foreignKey);
					before.add(new Change(definition.reverse().orElseThrow(), List.of(definition), null));
					after.add(Change.reversible(definition, null));
				}
			}
		}
		List<Change> ordered = new ArrayList<>(before);
		ordered.addAll(this.keyDrops);
		ordered.addAll(rest);
		ordered.addAll(this.keyAdds);
		ordered.addAll(after);
		return ordered;
	}

	private boolean guarded(String table, ForeignKey foreignKey, Set<String> typed) {
		if (this.keyTables.contains(table.toLowerCase(Locale.ROOT))
				|| this.keyTables.contains(foreignKey.referencedTable().toLowerCase(Locale.ROOT))) {
			return true;
		}
		return foreignKey.columns().stream().anyMatch((column) -> typed.contains(key(table, column)))
				|| foreignKey.referencedColumns()
					.stream()
					.anyMatch((column) -> typed.contains(key(foreignKey.referencedTable(), column)));
	}

	private static String key(String table, String column) {
		return (table + "." + column).toLowerCase(Locale.ROOT);
	}

	private static List<String> lower(List<String> names) {
		return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

}
