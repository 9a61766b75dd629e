package dev.migration.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@code databasechangelog} says about the changesets: the revision to stamp and
 * which repeatable scripts Liquibase ran at their current content, or every reason not to
 * adopt the database.
 *
 * @param revision the revision of the last applied changeset of the chain, {@code null}
 * for none
 * @param repeatablesRun repeatable scripts Liquibase ran at their current content
 * @param repeatablesPending repeatable scripts changed since (or never) run
 */
record LiquibaseAdoption(@Nullable String revision, List<String> repeatablesRun,
		List<String> repeatablesPending) implements ImportTarget.Adoption {

	/**
	 * @param history the table's rows
	 * @param changeSets the changesets in changelog order
	 * @param ids the revision id of each changeset (same order)
	 * @param table the table's name, for messages
	 */
	static LiquibaseAdoption judge(LiquibaseHistory history, List<LiquibaseChangeSet> changeSets, List<String> ids,
			String table) {
		List<String> problems = new ArrayList<>();
		if (history.locked()) {
			problems.add("Liquibase's lock (" + table + "lock) is held: an update is running or died; wait for it, "
					+ "or run 'liquibase release-locks' once no update runs, and import again");
		}
		Map<String, List<Integer>> byKey = new HashMap<>();
		for (int i = 0; i < changeSets.size(); i++) {
			byKey.computeIfAbsent(key(changeSets.get(i).id(), changeSets.get(i).author()), (k) -> new ArrayList<>())
				.add(i);
		}
		Map<Integer, LiquibaseHistory.Row> applied = new HashMap<>();
		for (LiquibaseHistory.Row row : history.rows()) {
			Integer index = match(row, byKey, changeSets);
			if (index == null) {
				problems.add("Liquibase applied " + row.name() + ", but no changeset in the changelog has that id "
						+ "and author: add it back to the changelog (or delete its row from " + table
						+ " if it was removed on purpose) and import again");
				continue;
			}
			applied.put(index, row);
			LiquibaseChangeSet changeSet = changeSets.get(index);
			String recorded = row.checksum();
			if (recorded == null || changeSet.repeatable() || accepted(changeSet, recorded)) {
				continue;
			}
			if (!recorded.startsWith("9:")) {
				problems.add("Liquibase recorded " + row.name() + " with a checksum of version "
						+ recorded.substring(0, Math.max(recorded.indexOf(':'), 0)) + " (" + recorded
						+ "), which the import does not compute: run 'liquibase update' or 'liquibase validate' "
						+ "with Liquibase 4.24 or later once (it records version 9) and import again");
			}
			else {
				problems.add(changeSet.name() + " does not match what Liquibase applied as " + row.name() + ": MD5SUM "
						+ recorded + " in " + table + ", " + changeSet.checksum()
						+ " now; restore the applied changeset (or add '--validCheckSum: " + changeSet.checksum()
						+ "' to it if the edit was intended) and import again");
			}
		}
		int last = -1;
		for (int i = 0; i < changeSets.size(); i++) {
			if (!changeSets.get(i).repeatable() && applied.containsKey(i)) {
				last = i;
			}
		}
		for (int i = 0; i < last; i++) {
			LiquibaseChangeSet changeSet = changeSets.get(i);
			if (!changeSet.repeatable() && !applied.containsKey(i)) {
				problems.add(changeSet.name() + " was never applied, but " + changeSets.get(last).name()
						+ " after it was: apply it with Liquibase ('liquibase update'"
						+ ((changeSet.context() != null || changeSet.labels() != null)
								? " with the contexts or labels that select it" : "")
						+ ") or remove it from the changelog, and import again");
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException("Liquibase's table " + table + " does not match the changelog", problems,
					"Nothing was written and the database was not stamped.");
		}
		List<String> run = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		for (int i = 0; i < changeSets.size(); i++) {
			LiquibaseChangeSet changeSet = changeSets.get(i);
			if (changeSet.repeatable()) {
				LiquibaseHistory.Row row = applied.get(i);
				boolean current = row != null && row.checksum() != null && accepted(changeSet, row.checksum());
				(current ? run : pending).add(ids.get(i));
			}
		}
		return new LiquibaseAdoption((last >= 0) ? ids.get(last) : null, run, pending);
	}

	private static boolean accepted(LiquibaseChangeSet changeSet, String recorded) {
		return recorded.equals(changeSet.checksum()) || changeSet.validCheckSums()
			.stream()
			.anyMatch((valid) -> valid.equalsIgnoreCase("ANY") || valid.equals(recorded));
	}

	private static @Nullable Integer match(LiquibaseHistory.Row row, Map<String, List<Integer>> byKey,
			List<LiquibaseChangeSet> changeSets) {
		List<Integer> candidates = byKey.getOrDefault(key(row.id(), row.author()), List.of());
		if (candidates.size() <= 1) {
			return candidates.isEmpty() ? null : candidates.get(0);
		}
		String recorded = row.filename().replace('\\', '/');
		for (Integer index : candidates) {
			String file = changeSets.get(index).file();
			if (recorded.equals(file) || recorded.endsWith("/" + file) || file.endsWith("/" + recorded)) {
				return index;
			}
		}
		return null;
	}

	private static String key(String id, String author) {
		return id + "\u0000" + author;
	}

}
