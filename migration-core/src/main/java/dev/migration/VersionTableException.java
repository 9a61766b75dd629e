package dev.migration;

/**
 * The version table does not look or behave like one this engine maintains: unexpected
 * columns, or rows that are out of step with the step being applied.
 */
public class VersionTableException extends MigrationException {

	private final String table;

	public VersionTableException(String table, String message) {
		super(message);
		this.table = table;
	}

	public String getTable() {
		return this.table;
	}

}
