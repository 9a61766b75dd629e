package dev.migration.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.command.Migrator;

/**
 * Writes imported revisions into a directory and stamps the database: the part every
 * import shares. Files that exist with other content are refused before anything is
 * written.
 */
final class ImportTarget {

	private ImportTarget() {
	}

	/**
	 * Check the other tool's history, write the revisions and stamp: what
	 * {@code importInto} does for every import.
	 * @param revisions the revisions
	 * @param notes what the import changed about the sources
	 * @param output the directory the revisions are written to
	 * @param database the database the other tool updated ({@code null}: only write
	 * files)
	 * @param judge reads the other tool's history from the database and judges it against
	 * the sources, throwing {@link ImportRefusedException} before anything is written
	 * @return what was done
	 */
	static ImportResult importInto(List<ImportedRevision> revisions, List<String> notes, Path output,
			@Nullable MigrationConfig database, Function<DataSource, Adoption> judge) {
		Adoption adoption = null;
		if (database != null) {
			if (database.dataSource() == null) {
				throw new IllegalArgumentException("the configuration has no DataSource");
			}
			adoption = judge.apply(database.dataSource());
		}
		List<Path> written = write(revisions, output);
		if (adoption == null) {
			return new ImportResult(revisions, written, null, List.of(), List.of(), notes);
		}
		stamp(database, output, adoption.revision(), adoption.repeatablesRun());
		return new ImportResult(revisions, written, adoption.revision(), adoption.repeatablesRun(),
				adoption.repeatablesPending(), notes);
	}

	private static List<Path> write(List<ImportedRevision> revisions, Path output) {
		List<String> clashes = new ArrayList<>();
		for (ImportedRevision revision : revisions) {
			Path file = output.resolve(revision.fileName());
			if (Files.exists(file) && !revision.text().equals(read(file))) {
				clashes.add(file + " exists with other content");
			}
		}
		if (!clashes.isEmpty()) {
			throw new ImportRefusedException("The output directory already holds other scripts", clashes,
					"Import into an empty directory, or delete the files of an earlier import first.");
		}
		List<Path> written = new ArrayList<>();
		try {
			Files.createDirectories(output);
			for (ImportedRevision revision : revisions) {
				Path file = output.resolve(revision.fileName());
				Files.writeString(file, revision.text(), StandardCharsets.UTF_8);
				written.add(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written;
	}

	/**
	 * Stamp the database with the revision of the last applied step and record the
	 * repeatable scripts the other tool ran at their current content.
	 */
	private static void stamp(MigrationConfig config, Path output, @Nullable String revision,
			List<String> repeatables) {
		List<String> locations = new ArrayList<>(config.locations());
		Path absolute = output.toAbsolutePath().normalize();
		boolean listed = locations.stream()
			.anyMatch((each) -> each.startsWith("filesystem:")
					&& Path.of(each.substring("filesystem:".length())).toAbsolutePath().normalize().equals(absolute));
		if (!listed) {
			locations.add("filesystem:" + absolute);
		}
		Migrator migrator = new Migrator(config.toBuilder().locations(locations.toArray(String[]::new)).build());
		migrator.stamp(List.of((revision != null) ? revision : "base"), false, repeatables);
	}

	/**
	 * What the other tool's history says about the sources: the revision to stamp and
	 * which repeatable scripts it ran at their current content.
	 */
	interface Adoption {

		/** The revision of the last applied step, {@code null} for none. */
		@Nullable String revision();

		/** Repeatable scripts the other tool ran at their current content. */
		List<String> repeatablesRun();

		/** Repeatable scripts changed since (or never) run. */
		List<String> repeatablesPending();

	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
