package dev.migration.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migration.op.AddColumn;
import dev.migration.op.Column;
import dev.migration.op.DropColumn;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;

/**
 * Possible renames: a column dropped and a column of the same type added in one table, a
 * table dropped and a table added with mostly the same columns. Reported (by
 * {@code check} and by {@code revision --autogenerate}), not acted on: a rename is made
 * only when the user confirms it with {@code --rename}.
 */
final class RenameCandidates {

	private RenameCandidates() {
	}

	static List<RenameCandidate> columns(String table, List<Change> adds, List<Change> drops, Dialect dialect) {
		List<RenameCandidate> found = new ArrayList<>();
		for (Change drop : drops) {
			Column dropped = ((DropColumn) drop.upgrade()).definition();
			if (dropped == null) {
				continue;
			}
			for (Change add : adds) {
				if (add.upgrade() instanceof AddColumn added
						&& added.column().type().toSql(dialect).equalsIgnoreCase(dropped.type().toSql(dialect))) {
					found.add(new RenameCandidate(table, dropped.name(), added.column().name(),
							"possible rename: column " + table + "." + dropped.name() + " -> " + added.column().name()
									+ " (dropped and added with the same type); as generated "
									+ "its data is lost: pass --rename " + table + "." + dropped.name() + "="
									+ added.column().name() + " to rename it instead"));
				}
			}
		}
		return found;
	}

	static List<RenameCandidate> tables(SchemaModel desired, SchemaModel live) {
		List<RenameCandidate> found = new ArrayList<>();
		for (TableDefinition gone : live.tables()) {
			if (desired.table(gone.name()).isPresent()) {
				continue;
			}
			Set<String> goneColumns = names(gone);
			for (TableDefinition added : desired.tables()) {
				if (live.table(added.name()).isPresent()) {
					continue;
				}
				Set<String> addedColumns = names(added);
				long shared = goneColumns.stream().filter(addedColumns::contains).count();
				if (shared * 2 > Math.max(goneColumns.size(), addedColumns.size())) {
					found.add(new RenameCandidate(gone.name(), null, added.name(),
							"possible rename: table " + gone.name() + " -> " + added.name()
									+ " (dropped and added with mostly the same columns); as generated its data is "
									+ "lost: pass --rename " + gone.name() + "=" + added.name()
									+ " to rename it instead"));
				}
			}
		}
		return found;
	}

	private static Set<String> names(TableDefinition table) {
		return table.table()
			.columns()
			.stream()
			.map((column) -> column.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

}
