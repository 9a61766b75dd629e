package dev.migration.imports;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import did.
 *
 * @param revisions the revisions, in chain order, repeatable scripts last
 * @param written the files written
 * @param stamped the revision the version table was stamped with, {@code null} when no
 * database was given or nothing was applied
 * @param repeatablesRecorded repeatable scripts recorded as run at their current checksum
 * @param repeatablesPending repeatable scripts the next upgrade runs (changed since the
 * other tool ran them, or never run)
 */
public record ImportResult(List<ImportedRevision> revisions, List<Path> written, @Nullable String stamped,
		List<String> repeatablesRecorded, List<String> repeatablesPending) {

	public ImportResult {
		revisions = List.copyOf(revisions);
		written = List.copyOf(written);
		repeatablesRecorded = List.copyOf(repeatablesRecorded);
		repeatablesPending = List.copyOf(repeatablesPending);
	}

}
