package dev.migration.imports;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Writes the text of an imported revision: the header, then the original SQL as is. */
final class RevisionWriter {

	private final StringBuilder text = new StringBuilder();

	RevisionWriter(String message, String id) {
		this.text.append("-- migration: ").append(message.replace('\n', ' ')).append('\n');
		this.text.append("-- revision: ").append(id).append('\n');
	}

	RevisionWriter header(String key, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			this.text.append("-- ").append(key).append(": ").append(value).append('\n');
		}
		return this;
	}

	/** A free comment line in the header (no colon after its first word). */
	RevisionWriter comment(String text) {
		this.text.append("-- ").append(text.replace('\n', ' ')).append('\n');
		return this;
	}

	RevisionWriter revises(List<String> parents) {
		return header("revises", String.join(", ", parents));
	}

	RevisionWriter header(String key, String value, boolean when) {
		return when ? header(key, value) : this;
	}

	String body(String upgrade, @Nullable String downgrade) {
		this.text.append("\n-- +upgrade\n").append(terminated(upgrade));
		if (downgrade != null) {
			this.text.append("\n-- +downgrade\n").append(terminated(downgrade));
		}
		return this.text.toString();
	}

	private static String terminated(String sql) {
		String text = (!sql.isEmpty() && sql.charAt(0) == '\uFEFF') ? sql.substring(1) : sql;
		return text.endsWith("\n") ? text : text + "\n";
	}

	/** {@code add_users} from {@code Add users!}: lower case letters, digits and _. */
	static String slug(String text) {
		StringBuilder slug = new StringBuilder();
		for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
			boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			if (word) {
				slug.append(c);
			}
			else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '_') {
				slug.append('_');
			}
		}
		while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '_') {
			slug.setLength(slug.length() - 1);
		}
		return (slug.length() > 40) ? slug.substring(0, 40) : slug.toString();
	}

}
