package dev.migration;

/**
 * A migration script cannot be read: a malformed header, a missing section, or SQL the
 * statement splitter cannot cut (an unterminated quote, dollar quote or comment, a bad
 * {@code DELIMITER}). The message names the file and line and says how to fix it.
 */
public class ScriptParseException extends MigrationException {

	private final String location;

	private final int line;

	/**
	 * Create an exception.
	 * @param location the file (as configured, e.g. {@code classpath:db/migration/x.sql})
	 * or class
	 * @param line the 1-based line the problem is on, {@code 0} when it concerns the
	 * whole file
	 * @param problem what is wrong and what to do
	 */
	public ScriptParseException(String location, int line, String problem) {
		super(((line > 0) ? location + ":" + line : location) + ": " + problem);
		this.location = location;
		this.line = line;
	}

	/** The file or class. */
	public String getLocation() {
		return this.location;
	}

	/** The 1-based line, or {@code 0} when the problem concerns the whole file. */
	public int getLine() {
		return this.line;
	}

}
