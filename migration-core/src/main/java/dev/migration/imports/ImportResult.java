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
 * @param notes what the import changed about the sources, one line each (e.g. a Liquibase
 * context not filtered on), for the report
 */
public record ImportResult(List<ImportedRevision> revisions, List<Path> written, @Nullable String stamped,
		List<String> repeatablesRecorded, List<String> repeatablesPending, List<String> notes) {

	public ImportResult {
		revisions = List.copyOf(revisions);
		written = List.copyOf(written);
		repeatablesRecorded = List.copyOf(repeatablesRecorded);
		repeatablesPending = List.copyOf(repeatablesPending);
		notes = List.copyOf(notes);
	}

	public ImportResult(List<ImportedRevision> revisions, List<Path> written, @Nullable String stamped,
			List<String> repeatablesRecorded, List<String> repeatablesPending) {
		this(revisions, written, stamped, repeatablesRecorded, repeatablesPending, List.of());
	}

}
