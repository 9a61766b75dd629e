package dev.migration;

/**
 * A downgrade passes through a revision that has no downgrade (no {@code -- +downgrade}
 * section, or a Java migration that does not override {@code downgrade}).
 */
public class DowngradeNotSupportedException extends MigrationException {

	private final String location;

	public DowngradeNotSupportedException(String location) {
		super("Revision in " + location + " has no downgrade; add a '-- +downgrade' section (or override "
				+ "downgrade()) or stamp past it with 'stamp'");
		this.location = location;
	}

	public DowngradeNotSupportedException(String revision, String location) {
		super("Cannot downgrade revision " + revision + ": " + location + " has no downgrade. Add a "
				+ "'-- +downgrade' section (or override downgrade()), or move the version table with 'stamp'");
		this.location = location;
	}

	public String getLocation() {
		return this.location;
	}

}
