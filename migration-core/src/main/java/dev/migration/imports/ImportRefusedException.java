package dev.migration.imports;

import java.util.List;

import dev.migration.MigrationException;

/**
 * An import that would leave the database or the scripts inconsistent: every problem is
 * named, and nothing was written or stamped.
 */
public class ImportRefusedException extends MigrationException {

	private final List<String> problems;

	public ImportRefusedException(String what, List<String> problems, String remedy) {
		super(what + ", so nothing was imported:\n  - " + String.join("\n  - ", problems) + "\n" + remedy);
		this.problems = List.copyOf(problems);
	}

	public List<String> getProblems() {
		return this.problems;
	}

}
