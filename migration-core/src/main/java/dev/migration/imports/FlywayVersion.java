package dev.migration.imports;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Flyway version as Flyway orders it: parts split at {@code .} or {@code _}, compared
 * as numbers ({@code 1.10 > 1.9}), trailing zero parts ignored ({@code 1.0 == 1}).
 *
 * @param text the version as written in the file name, with {@code _} read as {@code .}
 * @param parts the numeric parts
 */
record FlywayVersion(String text, List<BigInteger> parts) implements Comparable<FlywayVersion> {

	FlywayVersion {
		parts = List.copyOf(parts);
	}

	/**
	 * Parse a version.
	 * @param written e.g. {@code 1_10} or {@code 2.0.1}
	 * @return the version, or {@code null} when a part is not a number
	 */
	static FlywayVersion parse(String written) {
		String text = written.replace('_', '.');
		List<BigInteger> parts = new ArrayList<>();
		for (String part : text.split("\\.", -1)) {
			if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
				return null;
			}
			parts.add(new BigInteger(part));
		}
		return new FlywayVersion(text, parts);
	}

	/**
	 * The revision id this version becomes: {@code v} and the parts joined by {@code _}.
	 */
	String revisionId() {
		return "v" + this.text.replace('.', '_').toLowerCase(Locale.ROOT);
	}

	@Override
	public int compareTo(FlywayVersion other) {
		int n = Math.max(this.parts.size(), other.parts.size());
		for (int i = 0; i < n; i++) {
			BigInteger mine = (i < this.parts.size()) ? this.parts.get(i) : BigInteger.ZERO;
			BigInteger theirs = (i < other.parts.size()) ? other.parts.get(i) : BigInteger.ZERO;
			int result = mine.compareTo(theirs);
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
