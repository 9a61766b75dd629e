package dev.migration.sample;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Derived note fields. One bean for the API and the Java migration that backfills old
 * rows, so both compute the same values.
 */
@Component
public class NoteText {

	private static final int MAX_SLUG_LENGTH = 200;

	/**
	 * A URL-friendly form of a title: lower case ASCII letters and digits separated by
	 * single dashes.
	 * @param title the title
	 * @return the slug, {@code "note"} when the title has no letters or digits
	 */
	public String slug(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.isEmpty()) {
			return "note";
		}
		return (slug.length() > MAX_SLUG_LENGTH) ? slug.substring(0, MAX_SLUG_LENGTH) : slug;
	}

	/**
	 * The number of whitespace-separated words.
	 * @param body the text
	 * @return the count, 0 for blank text
	 */
	public int wordCount(String body) {
		String trimmed = body.strip();
		return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
	}

}
