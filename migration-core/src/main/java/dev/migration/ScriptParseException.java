package dev.migration;

/**
 * A migration script cannot be read: a malformed header, a missing section, or SQL the
 * statement splitter cannot cut (an unterminated quote, dollar quote or comment, a bad
 * {@code DELIMITER}). The message names the file and line and says how to fix it.
 */
public class ScriptParseException extends LocatedException {

	/**
	 * Create an exception.
	 * @param location the file (as configured, e.g. {@code classpath:db/migration/x.sql})
	 * or class
	 * @param line the 1-based line the problem is on, {@code 0} when it concerns the
	 * whole file
	 * @param problem what is wrong and what to do
	 */
	public ScriptParseException(String location, int line, String problem) {
		super(at(location, line) + ": " + problem, location, line, null);
	}

}
