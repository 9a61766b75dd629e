package dev.migration.imports;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What Flyway's history says about the scripts: the revision to stamp and which
 * repeatable scripts Flyway ran at their current content, or every reason not to adopt
 * the database.
 *
 * @param revision the revision of the last applied version, {@code null} for none
 * @param repeatablesRun repeatable scripts Flyway ran at their current content
 * @param repeatablesPending repeatable scripts changed since (or never) run
 */
record FlywayAdoption(@Nullable String revision, List<String> repeatablesRun,
		List<String> repeatablesPending) implements ImportTarget.Adoption {

	static FlywayAdoption judge(FlywayHistory history, List<FlywayScript> versioned, List<FlywayScript> repeatables,
			String table) {
		List<String> problems = new ArrayList<>();
		Map<String, FlywayHistory.Row> applied = new LinkedHashMap<>();
		Map<String, FlywayHistory.Row> repeatableRows = new HashMap<>();
		FlywayVersion baseline = null;
		for (FlywayHistory.Row row : history.rows()) {
			String type = row.type().toUpperCase(Locale.ROOT);
			if (!row.success()) {
				problems.add("Flyway recorded " + row.name() + " as failed: finish or revert its changes by hand, "
						+ "run 'flyway repair' and import again");
			}
			else if (type.startsWith("UNDO")) {
				problems.add("Flyway undid " + row.name()
						+ ": migrate that version again with Flyway (or delete its script) and import again");
			}
			else if (type.equals("BASELINE") || type.equals("SQL_BASELINE")) {
				baseline = row.version();
			}
			else if (type.equals("DELETE")) {
				applied.remove(key(row.version()));
			}
			else if (row.version() == null) {
				if (!type.equals("SCHEMA")) {
					repeatableRows.put(RevisionWriter.slug(row.description()), row);
				}
			}
			else if (type.equals("SQL")) {
				applied.put(key(row.version()), row);
			}
			else {
				problems.add("Flyway applied " + row.name() + " as a " + row.type()
						+ " migration; only SQL scripts are imported: rewrite it as a revision by hand");
			}
		}
		Map<String, FlywayScript> scripts = new HashMap<>();
		for (FlywayScript script : versioned) {
			scripts.put(key(script.version()), script);
		}
		FlywayVersion last = baseline;
		for (FlywayHistory.Row row : applied.values()) {
			FlywayScript script = scripts.get(key(row.version()));
			if (script == null) {
				problems.add("Flyway applied " + row.name() + ", but no script in the locations has version "
						+ row.version() + ": add the missing script to the locations (or run 'flyway repair' if it "
						+ "was deleted on purpose) and import again");
			}
			else if (row.checksum() != null && row.checksum() != script.checksum()) {
				problems.add(script.file() + " does not match what Flyway applied as " + row.name() + ": checksum "
						+ row.checksum() + " in " + table + ", " + script.checksum()
						+ " now; restore the applied script (or run 'flyway repair' if the edit was intended) and "
						+ "import again");
			}
			if (last == null || row.version().compareTo(last) > 0) {
				last = row.version();
			}
		}
		String revision = null;
		for (FlywayScript script : versioned) {
			FlywayVersion version = script.version();
			if (last == null || version.compareTo(last) > 0) {
				break;
			}
			boolean belowBaseline = baseline != null && version.compareTo(baseline) <= 0;
			if (!applied.containsKey(key(version)) && !belowBaseline) {
				problems.add(script.file() + " (version " + version + ") was never applied, but version " + last
						+ " above it was: apply it with Flyway ('flyway migrate -outOfOrder=true') and import again");
			}
			revision = version.revisionId();
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException("Flyway's history table " + table + " does not match the scripts",
					problems, "Nothing was written and the database was not stamped.");
		}
		List<String> run = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		for (FlywayScript script : repeatables) {
			FlywayHistory.Row row = repeatableRows.get(RevisionWriter.slug(script.description()));
			String id = FlywayImport.repeatableIdOf(script);
			((row != null && row.checksum() != null && row.checksum() == script.checksum()) ? run : pending).add(id);
		}
		return new FlywayAdoption(revision, run, pending);
	}

	/** Equal Flyway versions ({@code 1.0} and {@code 1}) share a key. */
	private static String key(@Nullable FlywayVersion version) {
		if (version == null) {
			return "";
		}
		List<BigInteger> parts = new ArrayList<>(version.parts());
		while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
			parts.remove(parts.size() - 1);
		}
		return parts.toString();
	}

}
