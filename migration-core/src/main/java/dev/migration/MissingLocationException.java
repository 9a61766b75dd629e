package dev.migration;

/**
 * A configured script location does not exist: a mistyped {@code classpath:} path or a
 * {@code filesystem:} directory that is not there. Refused so that a typo never starts an
 * application on an empty graph; the default location is exempt, and
 * {@code migration.fail-on-missing-locations=false} turns the error into a warning.
 */
public class MissingLocationException extends InvalidConfigurationException {

	private final String location;

	/**
	 * Create an exception.
	 * @param location the location as configured, e.g. {@code classpath:db/nope}
	 * @param what what is missing, e.g. {@code no directory db/nope on the class path}
	 */
	public MissingLocationException(String location, String what) {
		super("migration.locations",
				"names " + location + ", which does not exist: " + what
						+ ". Fix the location (or create it), or set migration.fail-on-missing-locations=false to "
						+ "continue without it");
		this.location = location;
	}

	/** The location as configured. */
	public String getLocation() {
		return this.location;
	}

}
