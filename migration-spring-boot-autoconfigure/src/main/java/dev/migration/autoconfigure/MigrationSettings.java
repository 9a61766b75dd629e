package dev.migration.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.MigrationConfigBuilder;
import dev.migration.sql.DriverDataSource;

/**
 * What {@link MigrationSettingsLoader} read from files, environment and overrides: the
 * {@code migration.*} settings bound as the starter binds them, and where the database
 * is.
 *
 * @param properties the {@code migration.*} settings
 * @param url the JDBC URL ({@code migration.url}, else {@code spring.datasource.url})
 * @param user the user ({@code migration.user}, else {@code spring.datasource.username})
 * @param password the password ({@code migration.password}, else
 * {@code spring.datasource.password}); never printed
 * @param driverClassName the JDBC driver ({@code spring.datasource.driver-class-name}),
 * or {@code null} for the one that accepts the URL
 * @param locations the locations with relative {@code filesystem:} paths made absolute
 * @param sources the files that were read
 */
public record MigrationSettings(MigrationProperties properties, @Nullable String url, @Nullable String user,
		@Nullable String password, @Nullable String driverClassName, List<String> locations, List<String> sources) {

	private static final String MASK = "****";

	public MigrationSettings {
		locations = List.copyOf(locations);
		sources = List.copyOf(sources);
	}

	/**
	 * The core configuration with every {@code migration.*} setting applied
	 * ({@link MigrationProperties#toConfig}) and the resolved locations; the caller adds
	 * the DataSource.
	 * @return a new builder
	 */
	public MigrationConfigBuilder configBuilder() {
		return this.properties.toConfig(MigrationConfig.builder()).locations(this.locations);
	}

	/**
	 * A non-pooling DataSource on the configured database.
	 * @param classLoader where the JDBC driver is, or {@code null} for
	 * {@code DriverManager}
	 * @return the DataSource, or {@code null} when no URL is configured
	 */
	public @Nullable DriverDataSource dataSource(@Nullable ClassLoader classLoader) {
		if (this.url == null) {
			return null;
		}
		return new DriverDataSource(this.url, this.user, this.password, this.driverClassName, classLoader);
	}

	/**
	 * The settings for a debug line, password masked.
	 * @return the description
	 */
	public String describe() {
		return "url=" + this.url + ", user=" + this.user + ", password="
				+ ((this.password == null || this.password.isEmpty()) ? "(none)" : MASK) + ", locations="
				+ this.locations + ", schema=" + this.properties.getSchema() + ", version-table="
				+ this.properties.getVersionTable() + ", history-table=" + this.properties.getHistoryTable()
				+ ", read from " + (this.sources.isEmpty() ? "no file" : String.join(", ", this.sources));
	}

}
