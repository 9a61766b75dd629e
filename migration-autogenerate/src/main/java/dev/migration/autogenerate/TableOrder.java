package dev.migration.autogenerate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migration.op.ForeignKey;
import dev.migration.op.TableDefinition;

/**
 * Orders tables so that a table comes after the tables its foreign keys reference (cycles
 * are broken in declaration order).
 */
final class TableOrder {

	private TableOrder() {
	}

	static List<TableDefinition> parentsFirst(List<TableDefinition> tables) {
		Map<String, TableDefinition> byName = new LinkedHashMap<>();
		tables.forEach((table) -> byName.put(table.name().toLowerCase(Locale.ROOT), table));
		List<TableDefinition> ordered = new ArrayList<>();
		List<String> visiting = new ArrayList<>();
		for (String name : byName.keySet()) {
			visit(name, byName, ordered, visiting);
		}
		return ordered;
	}

	static List<TableDefinition> childrenFirst(List<TableDefinition> tables) {
		List<TableDefinition> ordered = new ArrayList<>(parentsFirst(tables));
		Collections.reverse(ordered);
		return ordered;
	}

	private static void visit(String name, Map<String, TableDefinition> byName, List<TableDefinition> ordered,
			List<String> visiting) {
		TableDefinition table = byName.get(name);
		if (table == null || ordered.contains(table) || visiting.contains(name)) {
			return;
		}
		visiting.add(name);
		for (ForeignKey key : table.table().foreignKeys()) {
			visit(key.referencedTable().toLowerCase(Locale.ROOT), byName, ordered, visiting);
		}
		ordered.add(table);
	}

}
