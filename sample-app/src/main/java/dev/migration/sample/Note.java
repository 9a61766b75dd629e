package dev.migration.sample;

import java.time.Instant;
import java.util.List;

/**
 * A note as the API returns it.
 *
 * @param id the id (a UUID)
 * @param title the title
 * @param body the text
 * @param slug the URL-friendly title
 * @param wordCount words in the body
 * @param archived whether the note is archived
 * @param tags the tags, sorted
 * @param createdAt when the note was created
 */
public record Note(String id, String title, String body, String slug, int wordCount, boolean archived,
		List<String> tags, Instant createdAt) {

	public Note {
		tags = List.copyOf(tags);
	}

}
