package dev.migration.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

	static List<Path> write(List<ImportedRevision> revisions, Path output) {
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
	static void stamp(MigrationConfig config, Path output, @Nullable String revision, List<String> repeatables) {
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

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
