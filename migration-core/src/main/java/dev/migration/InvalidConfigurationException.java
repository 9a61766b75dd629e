package dev.migration;

/**
 * A setting has a value the engine cannot work with. Names the setting.
 */
public class InvalidConfigurationException extends MigrationException {

	private final String property;

	public InvalidConfigurationException(String property, String problem) {
		super("Invalid configuration: '" + property + "' " + problem);
		this.property = property;
	}

	public String getProperty() {
		return this.property;
	}

}
