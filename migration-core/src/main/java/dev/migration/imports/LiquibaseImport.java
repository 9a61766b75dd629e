package dev.migration.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;

/**
 * {@code migration import liquibase}: turns a Liquibase changelog (formatted SQL, or XML
 * whose changesets are {@code sql} / {@code sqlFile} changes, with the files they
 * include) into one revision chain in changelog order and, given a database Liquibase
 * updated, stamps it so that {@code upgrade} has nothing to do. Changesets become
 * revisions {@code c<nnn>_<id>}, their rollbacks the downgrades, {@code runOnChange} and
 * {@code runAlways} changesets repeatable scripts {@code r_<id>}. Liquibase's tables are
 * read, never changed.
 */
public final class LiquibaseImport {

	/** Liquibase's default changelog table. */
	public static final String DEFAULT_TABLE = "databasechangelog";

	private final List<LiquibaseChangeSet> changeSets;

	private final List<String> ids;

	private final List<ImportedRevision> revisions;

	private final List<String> notes;

	private LiquibaseImport(List<LiquibaseChangeSet> changeSets) {
		this.changeSets = changeSets;
		this.ids = ids(changeSets);
		List<ImportedRevision> chain = new ArrayList<>();
		List<ImportedRevision> repeatables = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		String parent = null;
		for (int i = 0; i < changeSets.size(); i++) {
			LiquibaseChangeSet changeSet = changeSets.get(i);
			String id = this.ids.get(i);
			String message = (changeSet.comment() != null && !changeSet.comment().isBlank()) ? changeSet.comment()
					: changeSet.author() + ":" + changeSet.id();
			RevisionWriter writer = new RevisionWriter(message, id);
			if (changeSet.repeatable()) {
				writer.header("repeatable", "true");
			}
			else {
				writer.revises((parent != null) ? List.of(parent) : List.of());
			}
			writer.header("transactional", "false", !changeSet.transactional())
				.header("imported-from", "liquibase " + changeSet.name())
				.header("source-version", changeSet.author() + ":" + changeSet.id());
			for (String note : changeSet.notes()) {
				writer.comment("Import note, " + note);
				notes.add(changeSet.name() + ": " + note);
			}
			String text = writer.body(changeSet.sql(), changeSet.repeatable() ? null : (changeSet.rollback() == null)
					? null
					: changeSet.rollback().isEmpty() ? "-- nothing to undo (rollback empty)" : changeSet.rollback());
			ImportedRevision revision = new ImportedRevision(id, id + ".sql", changeSet.name(),
					changeSet.author() + ":" + changeSet.id(), changeSet.repeatable(), text);
			if (changeSet.repeatable()) {
				repeatables.add(revision);
			}
			else {
				chain.add(revision);
				parent = id;
			}
		}
		chain.addAll(repeatables);
		this.revisions = List.copyOf(chain);
		this.notes = List.copyOf(notes);
	}

	private static List<String> ids(List<LiquibaseChangeSet> changeSets) {
		int versioned = (int) changeSets.stream().filter((each) -> !each.repeatable()).count();
		String format = "c%0" + Math.max(3, String.valueOf(versioned).length()) + "d";
		List<String> ids = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		int n = 0;
		for (LiquibaseChangeSet changeSet : changeSets) {
			String slug = RevisionWriter.slug(changeSet.id());
			String id;
			if (changeSet.repeatable()) {
				id = "r_" + (slug.isEmpty() ? "changeset" : slug);
				if (taken.contains(id)) {
					id = id + "_" + RevisionWriter.slug(changeSet.author());
				}
				String base = id;
				for (int k = 2; taken.contains(id); k++) {
					id = base + "_" + k;
				}
			}
			else {
				n++;
				id = String.format(format, n) + (slug.isEmpty() ? "" : "_" + slug);
			}
			taken.add(id);
			ids.add(id);
		}
		return ids;
	}

	/**
	 * Read a Liquibase changelog and the files it includes.
	 * @param changelog the master changelog ({@code .xml} or formatted {@code .sql})
	 * @param searchPath where {@code include} paths not relative to their changelog start
	 * (e.g. {@code src/main/resources} for {@code classpath:} changelogs); {@code null}:
	 * the changelog's directory and its parents
	 * @return the import
	 * @throws ImportRefusedException naming every changeset and file it cannot translate
	 */
	public static LiquibaseImport read(Path changelog, @Nullable Path searchPath) {
		return read(changelog, searchPath, null);
	}

	/**
	 * Read a Liquibase changelog and the files it includes, YAML and JSON changelogs too.
	 * @param changelog the master changelog ({@code .xml}, {@code .yaml}, {@code .json}
	 * or formatted {@code .sql})
	 * @param searchPath where {@code include} paths not relative to their changelog
	 * start; {@code null}: the changelog's directory and its parents
	 * @param yaml reads a YAML or JSON file into maps, lists and scalars (e.g.
	 * SnakeYAML's {@code load}; {@code migration-core} brings no YAML parser),
	 * {@code null} to refuse YAML and JSON changelogs
	 * @return the import
	 * @throws ImportRefusedException naming every changeset and file it cannot translate
	 */
	public static LiquibaseImport read(Path changelog, @Nullable Path searchPath,
			@Nullable Function<Path, @Nullable Object> yaml) {
		List<String> problems = new ArrayList<>();
		List<LiquibaseChangeSet> changeSets = LiquibaseChangelog.read(changelog, searchPath, yaml, problems);
		Set<String> seen = new HashSet<>();
		for (LiquibaseChangeSet changeSet : changeSets) {
			if (!seen.add(changeSet.name())) {
				problems.add(changeSet.name() + " is defined twice; Liquibase refuses this too, give one a new id");
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException("The Liquibase changelog " + changelog + " cannot be imported as it is",
					problems, "Fix the changesets named and run the import again.");
		}
		return new LiquibaseImport(changeSets);
	}

	/**
	 * The revisions the import writes: the chain in changelog order, then the
	 * repeatables.
	 */
	public List<ImportedRevision> revisions() {
		return this.revisions;
	}

	/**
	 * What the import changes about the changesets (contexts and labels not filtered on,
	 * preconditions dropped, {@code runAlways} run only on change, ...), one line each.
	 */
	public List<String> notes() {
		return this.notes;
	}

	/**
	 * Check {@code databasechangelog} against the changelog, write the revisions and
	 * stamp.
	 * @param output the directory the revisions are written to
	 * @param database the database Liquibase updated ({@code null}: only write files)
	 * @param table Liquibase's changelog table as SQL names it, e.g.
	 * {@code databasechangelog} or {@code app.databasechangelog}
	 * @return what was done
	 * @throws ImportRefusedException before anything is written, naming applied
	 * changesets missing from the changelog, checksum mismatches, changesets skipped
	 * below the last applied one and a held Liquibase lock
	 */
	public ImportResult importInto(Path output, @Nullable MigrationConfig database, String table) {
		return ImportTarget.importInto(this.revisions, this.notes, output, database, (dataSource) -> LiquibaseAdoption
			.judge(LiquibaseHistory.read(dataSource, table), this.changeSets, this.ids, table));
	}

}
