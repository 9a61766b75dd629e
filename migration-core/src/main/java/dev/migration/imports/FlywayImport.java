package dev.migration.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;

/**
 * {@code migration import flyway}: turns a Flyway project's scripts into one revision
 * chain and, given a database Flyway migrated, stamps it so that {@code upgrade} has
 * nothing to do. Versioned scripts become revisions {@code v<version>} in Flyway's
 * version order, undo scripts their downgrades, {@code R__} scripts repeatable scripts
 * {@code r_<description>}; SQL text (placeholders included) is kept as it is. Flyway's
 * history table is read, never changed.
 */
public final class FlywayImport {

	/** Flyway's default history table. */
	public static final String DEFAULT_TABLE = "flyway_schema_history";

	private final List<FlywayScript> versioned;

	private final List<FlywayScript> repeatables;

	private final List<ImportedRevision> revisions;

	private FlywayImport(List<FlywayScript> versioned, Map<String, FlywayScript> undo, List<FlywayScript> repeatables) {
		this.versioned = versioned;
		this.repeatables = repeatables;
		List<ImportedRevision> revisions = new ArrayList<>();
		String parent = null;
		for (FlywayScript script : versioned) {
			String id = script.version().revisionId();
			FlywayScript down = undo.get(id);
			String text = new RevisionWriter(script.description(), id)
				.revises((parent != null) ? List.of(parent) : List.of())
				.header("transactional", "false", !script.transactional())
				.header("imported-from", "flyway " + script.name() + ((down != null) ? ", " + down.name() : ""))
				.header("source-version", script.version().text())
				.body(script.sql(), (down != null) ? down.sql() : null);
			revisions.add(new ImportedRevision(id, id + "_" + RevisionWriter.slug(script.description()) + ".sql",
					script.name(), script.version().text(), false, text));
			parent = id;
		}
		for (FlywayScript script : repeatables) {
			String id = repeatableId(script);
			String text = new RevisionWriter(script.description(), id).header("repeatable", "true")
				.header("transactional", "false", !script.transactional())
				.header("imported-from", "flyway " + script.name())
				.body(script.sql(), null);
			revisions.add(new ImportedRevision(id, id + ".sql", script.name(), null, true, text));
		}
		this.revisions = List.copyOf(revisions);
	}

	/**
	 * Read Flyway locations.
	 * @param locations directories holding the scripts (Flyway's {@code filesystem:}
	 * locations, or the source folder of {@code classpath:db/migration})
	 * @return the import
	 * @throws ImportRefusedException naming every misnamed file, duplicate version and
	 * undo script without its versioned script
	 */
	public static FlywayImport read(List<Path> locations) {
		List<String> problems = new ArrayList<>();
		List<FlywayScript> scripts = FlywayScript.scan(locations, problems);
		List<FlywayScript> versioned = new ArrayList<>();
		List<FlywayScript> undo = new ArrayList<>();
		Map<String, FlywayScript> repeatables = new LinkedHashMap<>();
		for (FlywayScript script : scripts) {
			switch (script.type()) {
				case 'V' -> versioned.add(script);
				case 'U' -> undo.add(script);
				default -> {
					FlywayScript previous = repeatables.putIfAbsent(repeatableId(script), script);
					if (previous != null) {
						problems.add("repeatable scripts " + previous.file() + " and " + script.file()
								+ " have the same description; rename one");
					}
				}
			}
		}
		versioned.sort(Comparator.comparing(FlywayScript::version));
		Map<String, FlywayScript> undoById = new HashMap<>();
		for (int i = 1; i < versioned.size(); i++) {
			if (versioned.get(i).version().compareTo(versioned.get(i - 1).version()) == 0) {
				problems
					.add("version " + versioned.get(i).version() + " is defined twice: " + versioned.get(i - 1).file()
							+ " and " + versioned.get(i).file() + "; Flyway refuses this too, give one a new version");
			}
		}
		for (FlywayScript script : undo) {
			FlywayScript target = versioned.stream()
				.filter((each) -> each.version().compareTo(script.version()) == 0)
				.findFirst()
				.orElse(null);
			if (target == null) {
				problems.add(script.file() + " undoes version " + script.version() + ", which no V script defines");
			}
			else {
				undoById.put(target.version().revisionId(), script);
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException("The Flyway scripts cannot be imported as they are", problems,
					"Fix the files named and run the import again.");
		}
		List<FlywayScript> sortedRepeatables = new ArrayList<>(repeatables.values());
		sortedRepeatables.sort(Comparator.comparing(FlywayImport::repeatableId));
		return new FlywayImport(versioned, undoById, sortedRepeatables);
	}

	private static String repeatableId(FlywayScript script) {
		return "r_" + RevisionWriter.slug(script.description());
	}

	/**
	 * The revisions the import writes: the chain in version order, then the repeatables.
	 */
	public List<ImportedRevision> revisions() {
		return this.revisions;
	}

	/**
	 * Check Flyway's history against the scripts, write the revisions and stamp.
	 * @param output the directory the revisions are written to
	 * @param database the database Flyway migrated ({@code null}: only write files)
	 * @param table Flyway's history table as SQL names it, e.g.
	 * {@code flyway_schema_history} or {@code app.flyway_schema_history}
	 * @return what was done
	 * @throws ImportRefusedException before anything is written, naming failed rows,
	 * undone versions, applied versions without a script, checksum mismatches and
	 * versions skipped below the last applied one
	 */
	public ImportResult importInto(Path output, @Nullable MigrationConfig database, String table) {
		return ImportTarget.importInto(this.revisions, List.of(), output, database, (dataSource) -> FlywayAdoption
			.judge(FlywayHistory.read(dataSource, table), this.versioned, this.repeatables, table));
	}

	static String repeatableIdOf(FlywayScript script) {
		return repeatableId(script);
	}

}
