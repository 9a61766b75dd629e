package dev.migration.sample;

/**
 * A row of the {@code note_summary} view that the merge revision creates.
 *
 * @param id the note id
 * @param title the title
 * @param archived whether archived
 * @param tagCount how many tags it has
 */
public record NoteSummary(String id, String title, boolean archived, long tagCount) {

}
