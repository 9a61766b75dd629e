package dev.migration.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import dev.migration.imports.ImportResult;
import dev.migration.imports.ImportedRevision;

/** What an import prints: the files, the stamp, the repeatable scripts left to run. */
record ImportReport(PrintWriter out) {

	void print(ImportResult result, Path output, boolean stamped) {
		long repeatables = result.revisions().stream().filter(ImportedRevision::repeatable).count();
		this.out.println("Wrote " + (result.revisions().size() - repeatables) + " revisions and " + repeatables
				+ " repeatable scripts to " + output);
		if (stamped) {
			this.out.println("Stamped the database at " + ((result.stamped() != null) ? result.stamped() : "base")
					+ "; 'upgrade' now runs only what the other tool had not applied");
			if (!result.repeatablesRecorded().isEmpty()) {
				this.out
					.println("Repeatable scripts recorded as run: " + String.join(", ", result.repeatablesRecorded()));
			}
			if (!result.repeatablesPending().isEmpty()) {
				this.out.println(
						"Repeatable scripts the next upgrade runs: " + String.join(", ", result.repeatablesPending()));
			}
		}
		else {
			this.out.println("No database given: nothing was stamped");
		}
		if (!result.notes().isEmpty()) {
			this.out.println("Changed on the way (each also noted in its revision):");
			for (String note : result.notes()) {
				this.out.println("  " + note);
			}
		}
		this.out.flush();
	}

}
