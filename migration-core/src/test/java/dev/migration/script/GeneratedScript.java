package dev.migration.script;

import java.util.ArrayList;
import java.util.List;

import dev.migration.sql.Dialect;

/**
 * A script assembled from statement fragments at known boundaries: what the splitter must
 * give back (texts and the lines they start on).
 */
record GeneratedScript(Dialect dialect, String text, List<String> statements, List<Integer> lines) {

	GeneratedScript {
		statements = List.copyOf(statements);
		lines = List.copyOf(lines);
	}

	List<SqlStatement> expected() {
		List<SqlStatement> expected = new ArrayList<>();
		for (int i = 0; i < this.statements.size(); i++) {
			expected.add(new SqlStatement(this.statements.get(i), i + 1, this.lines.get(i)));
		}
		return expected;
	}

	@Override
	public String toString() {
		return this.dialect + " script:\n" + this.text;
	}

	/** Appends fragments and separators, remembering where each statement starts. */
	static final class Builder {

		private final Dialect dialect;

		private final StringBuilder text = new StringBuilder();

		private final List<String> statements = new ArrayList<>();

		private final List<Integer> lines = new ArrayList<>();

		private int newlines;

		Builder(Dialect dialect) {
			this.dialect = dialect;
		}

		Builder raw(String chunk) {
			this.text.append(chunk);
			this.newlines += (int) chunk.chars().filter((c) -> c == '\n').count();
			return this;
		}

		Builder statement(String fragment) {
			this.statements.add(fragment.strip());
			this.lines.add(1 + this.newlines);
			return raw(fragment);
		}

		GeneratedScript build() {
			return new GeneratedScript(this.dialect, this.text.toString(), this.statements, this.lines);
		}

	}

}
