package dev.migration.autoconfigure;

import java.util.List;
import java.util.Locale;

import dev.migration.MigrationException;

/**
 * Remedies for the engine's errors, phrased for a Spring Boot user (properties rather
 * than CLI flags where both exist).
 */
final class MigrationFailureRemedies {

	private MigrationFailureRemedies() {
	}

	/**
	 * The {@code migration.*} key for a core builder property.
	 * @param property e.g. {@code versionTable}
	 * @return e.g. {@code migration.version-table}
	 */
	static String propertyName(String property) {
		StringBuilder name = new StringBuilder("migration.");
		for (char ch : property.toCharArray()) {
			if (Character.isUpperCase(ch)) {
				name.append('-').append(Character.toLowerCase(ch));
			}
			else {
				name.append(ch);
			}
		}
		return name.toString();
	}

	static List<String> forMessage(MigrationException cause) {
		String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
		if (message.contains("allow-downgrade") || message.contains("allowdowngrade")) {
			return List.of("Set migration.allow-downgrade=true to let startup downgrade the database,"
					+ " or raise migration.target to the database's revision.");
		}
		return List.of("The message above names the revision, its file and the fix; `migration current` and"
				+ " `migration history --indicate-current` show where the database stands.");
	}

}
