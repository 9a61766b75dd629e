package dev.migration.autogenerate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.migration.op.Operation;

/**
 * The difference between a desired and a live schema: the changes for the upgrade in a
 * safe order (new tables parents first, dropped tables children first, foreign keys
 * dropped before what they use), the downgrade, and warnings about what is not compared.
 *
 * @param changes the changes, in upgrade order
 * @param warnings differences found but not turned into operations (primary keys,
 * identity, possible renames), for the reviewer
 * @param renameCandidates the possible renames among the warnings, for a prompt
 */
public record SchemaDiff(List<Change> changes, List<String> warnings, List<RenameCandidate> renameCandidates) {

	public SchemaDiff {
		changes = List.copyOf(changes);
		warnings = List.copyOf(warnings);
		renameCandidates = List.copyOf(renameCandidates);
	}

	/** A difference without possible renames. */
	public SchemaDiff(List<Change> changes, List<String> warnings) {
		this(changes, warnings, List.of());
	}

	/** Whether the schemas match. */
	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/** The upgrade operations, in order. */
	public List<Operation> upgrade() {
		return this.changes.stream().map(Change::upgrade).toList();
	}

	/** The downgrade operations: each change's inverse, last change first. */
	public List<Operation> downgrade() {
		List<Operation> operations = new ArrayList<>();
		List<Change> reversed = new ArrayList<>(this.changes);
		Collections.reverse(reversed);
		for (Change change : reversed) {
			operations.addAll(change.downgrade());
		}
		return operations;
	}

	/** Whether every change can be reversed. */
	public boolean isReversible() {
		return this.changes.stream().noneMatch((change) -> change.downgrade().isEmpty());
	}

	/** One line per difference, for {@code check}. */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		for (Change change : this.changes) {
			lines.add(Describer.describe(change.upgrade()));
		}
		lines.addAll(this.warnings);
		return lines;
	}

	static String key(List<String> columns) {
		return String.join(",", columns).toLowerCase(Locale.ROOT);
	}

	static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
		Map<String, T> map = new LinkedHashMap<>();
		for (T item : items) {
			map.putIfAbsent(name.apply(item).toLowerCase(Locale.ROOT), item);
		}
		return map;
	}

}
