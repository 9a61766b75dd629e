package dev.migration.sample;

/**
 * A tag and the number of notes carrying it.
 *
 * @param tag the tag
 * @param notes how many notes have it
 */
public record TagCount(String tag, long notes) {

}
