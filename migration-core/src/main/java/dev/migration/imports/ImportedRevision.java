package dev.migration.imports;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One revision an import writes, in this project's script format.
 *
 * @param id the revision id, derived from the source's version or name
 * @param fileName the file the import writes
 * @param source where it came from, e.g. {@code V1_10__add_index.sql}
 * @param sourceVersion the source tool's version ({@code null} for repeatable scripts)
 * @param repeatable whether it is a repeatable script
 * @param text the whole script, header included
 */
public record ImportedRevision(String id, String fileName, String source, @Nullable String sourceVersion,
		boolean repeatable, String text) {

	public ImportedRevision {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(text, "text");
	}

}
