package dev.migration.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.migration.MigrationConfig;
import dev.migration.MigrationListener;
import dev.migration.MigrationException;
import dev.migration.autoconfigure.MigrationSettings;
import dev.migration.autoconfigure.MigrationSettingsLoader;
import dev.migration.command.Migrator;
import dev.migration.sql.Connector;
import dev.migration.sql.Dialect;
import dev.migration.sql.DriverDataSource;

/**
 * Where the database and the scripts are: shared by every command that needs them. Flags
 * override environment variables, which override the application files.
 */
public class ConnectionOptions {

	private static final int LOGIN_TIMEOUT_SECONDS = 15;

	@Spec(Spec.Target.MIXEE)
	private CommandSpec mixee;

	@Option(names = "--url", paramLabel = "<jdbc-url>",
			description = "JDBC URL of the database (default: migration.url, else spring.datasource.url).")
	private @Nullable String url;

	@Option(names = { "-u", "--user" }, description = "Database user.")
	private @Nullable String user;

	@Option(names = "--password", arity = "0..1", interactive = true,
			description = "Database password; without a value it is asked for. Never printed.")
	private @Nullable String password;

	@Option(names = "--locations", split = ",", paramLabel = "<location>",
			description = "Script locations, e.g. filesystem:db/migration (default: migration.locations).")
	private @Nullable List<String> locations;

	@Option(names = "--schema", description = "Schema of the version and history tables.")
	private @Nullable String schema;

	@Option(names = "--config-dir", paramLabel = "<dir>",
			description = "Directory of application.yml / application.properties (default: the "
					+ "project's class path or src/main/resources, overridden by the working directory's).")
	private @Nullable Path configDirectory;

	@Option(names = "--profile", split = ",", paramLabel = "<profile>",
			description = "Also read application-<profile>.yml; later profiles override earlier ones.")
	private @Nullable List<String> profiles;

	@Option(names = "--dialect", converter = DialectConverter.class, paramLabel = "<dialect>",
			description = "Dialect for --sql without a database: postgresql, mariadb, mysql, h2 or sqlite.")
	private @Nullable Dialect dialect;

	@Option(names = "--classpath", paramLabel = "<path>",
			description = "Compiled classes and resources (Java revisions, classpath: locations, JPA entities) and the "
					+ "jars they need, separated by ':' (';' on Windows). Default in a Maven or Gradle project: "
					+ "target/classes, or build/classes/java/main and build/resources/main.")
	private @Nullable String classpath;

	private @Nullable MigrationSettings settings;

	/** Settings a command's own options set, e.g. {@code upgrade --baseline}. */
	private final Map<String, Object> commandSettings = new LinkedHashMap<>();

	private @Nullable ProjectClasspath projectClasspath;

	MigrationCli cli() {
		return (MigrationCli) this.mixee.root().userObject();
	}

	PrintWriter out() {
		return this.mixee.commandLine().getOut();
	}

	PrintWriter err() {
		return this.mixee.commandLine().getErr();
	}

	Path workingDirectory() {
		return cli().workingDirectory();
	}

	MigrationSettings settings() {
		if (this.settings == null) {
			MigrationCli cli = cli();
			Map<String, Object> flags = new LinkedHashMap<>(this.commandSettings);
			putIfSet(flags, "migration.url", this.url);
			putIfSet(flags, "migration.user", this.user);
			putIfSet(flags, "migration.password", this.password);
			putIfSet(flags, "migration.schema", this.schema);
			if (this.locations != null) {
				flags.put("migration.locations", String.join(",", this.locations));
			}
			ProjectClasspath classpath = classpath();
			MigrationSettingsLoader loader = new MigrationSettingsLoader(cli.workingDirectory(), cli.environment());
			// without compiled output, classpath: locations are read from the sources
			MigrationSettings loaded = (classpath.isEmpty() ? loader.readingClasspathFromSources() : loader)
				.load(configDirectories(), (this.profiles != null) ? this.profiles : List.of(), flags);
			cli.secrets().add(loaded.password());
			cli.secrets().add(this.password);
			if (cli.isDebug()) {
				err().println("Settings: " + cli.secrets().mask(loaded.describe()));
				err().println(classpath.describe());
			}
			classpath.staleWarning().ifPresent(err()::println);
			this.settings = loaded;
		}
		return this.settings;
	}

	/**
	 * Set a {@code migration.*} setting from a command's own option, with the precedence
	 * of a flag; before the settings are first read.
	 * @param name the property
	 * @param value the value, {@code null} to leave it
	 */
	void set(String name, @Nullable String value) {
		putIfSet(this.commandSettings, name, value);
	}

	/**
	 * The class path of {@code classpath:} locations, Java revisions and entities:
	 * {@code --classpath}, else the project's compiled output.
	 * @return the class path, possibly empty
	 */
	ProjectClasspath classpath() {
		if (this.projectClasspath == null) {
			this.projectClasspath = ProjectClasspath.resolve(workingDirectory(), this.classpath);
		}
		return this.projectClasspath;
	}

	private static void putIfSet(Map<String, Object> flags, String name, @Nullable String value) {
		if (value != null) {
			flags.put(name, value);
		}
	}

	/**
	 * A migrator on the database, after checking that it answers, so that a wrong URL or
	 * password is reported as such before anything else happens.
	 */
	Migrator migrator() {
		return migrator(MigrationListener.NONE);
	}

	/**
	 * A migrator on the database that tells the listener about each revision it runs.
	 * @param listener progress reporting
	 * @return the migrator
	 */
	Migrator migrator(MigrationListener listener) {
		return new Migrator(config().toBuilder().listener(listener).build());
	}

	/**
	 * The settings on the database, after checking that it answers.
	 * @return the configuration
	 */
	MigrationConfig config() {
		MigrationSettings settings = settings();
		DriverDataSource dataSource = dataSource(settings);
		MigrationConfig config = config(settings, dataSource);
		checkConnection(dataSource, settings, config);
		return config;
	}

	/** A migrator for the scripts alone; it has the database when one is configured. */
	Migrator scriptsMigrator() {
		MigrationSettings settings = settings();
		return new Migrator(config(settings, (settings.url() != null) ? dataSource(settings) : null));
	}

	/**
	 * A migrator for offline SQL: the dialect comes from {@code --dialect} or the URL;
	 * the database, when configured, is only read (for targets relative to its current
	 * revision).
	 */
	Migrator offlineMigrator() {
		MigrationSettings settings = settings();
		if (this.dialect == null && settings.url() == null) {
			throw new CliException("Offline mode (--sql) needs to know the database: pass --dialect "
					+ "postgresql|mariadb|mysql|h2|sqlite, or a --url (or spring.datasource.url in application.yml)");
		}
		return new Migrator(config(settings, (settings.url() != null) ? dataSource(settings) : null));
	}

	private MigrationConfig config(MigrationSettings settings, @Nullable DriverDataSource dataSource) {
		return settings.configBuilder()
			.dataSource(dataSource)
			.dialect(this.dialect)
			.classLoader(classpath().loader())
			.build();
	}

	private DriverDataSource dataSource(MigrationSettings settings) {
		if (settings.url() == null || settings.url().isBlank()) {
			throw new CliException("No database configured: pass --url (with --user and --password), or set "
					+ "spring.datasource.url (or migration.url) in application.yml in "
					+ configDirectories().stream().map(Path::toString).collect(Collectors.joining(" or "))
					+ "; 'migration init' creates one for an embedded database");
		}
		DriverDataSource dataSource = settings.dataSource(null);
		dataSource.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
		return dataSource;
	}

	private Path configDirectory() {
		return (this.configDirectory != null) ? workingDirectory().resolve(this.configDirectory).normalize()
				: workingDirectory();
	}

	/**
	 * Where application files are read, lowest precedence first: {@code --config-dir}
	 * alone, else what the application reads as {@code classpath:application.*} (see
	 * {@link ProjectClasspath#applicationDirectory()}) and then the working directory,
	 * whose files Boot reads over the class path's.
	 */
	private List<Path> configDirectories() {
		if (this.configDirectory != null) {
			return List.of(configDirectory());
		}
		Path resources = classpath().applicationDirectory();
		return (resources != null && !resources.equals(workingDirectory())) ? List.of(resources, workingDirectory())
				: List.of(workingDirectory());
	}

	private void checkConnection(DriverDataSource dataSource, MigrationSettings settings, MigrationConfig config) {
		// retried as migration.connect-retries says, for a database that is still
		// starting
		try (Connection connection = Connector.connect(dataSource, config)) {
			// connected: the credentials and the server are fine
		}
		catch (MigrationException ex) {
			if (ex.getCause() instanceof SQLException cause) {
				throw new DatabaseUnavailableException(settings.url(), settings.user(), config.connectRetries(), cause);
			}
			throw ex;
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException(settings.url(), settings.user(), 0, ex);
		}
	}

	/** Turns a dialect name into a usage error when it is unknown. */
	static final class DialectConverter implements CommandLine.ITypeConverter<Dialect> {

		@Override
		public Dialect convert(String value) {
			try {
				return Dialect.fromName(value);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLine.TypeConversionException(ex.getMessage());
			}
		}

	}

	/** The database did not accept a connection. */
	static final class DatabaseUnavailableException extends MigrationException {

		DatabaseUnavailableException(String url, @Nullable String user, int retries, SQLException cause) {
			super("Cannot connect to " + url + ((user != null && !user.isEmpty()) ? " as '" + user + "'" : "")
					+ ((retries > 0) ? " (after " + retries + ((retries == 1) ? " retry" : " retries") + ")" : "")
					+ ": " + String.valueOf(cause.getMessage()).strip().replaceAll("\\.+$", "")
					+ ". Check that the database is running and "
					+ "reachable, and the URL, user and password (--url, --user, --password, or "
					+ "spring.datasource.* in application.yml)" + retryHint(retries, cause), cause);
		}

		/**
		 * Only a connection that could not be made (SQL state 08) may be a database
		 * starting.
		 */
		private static String retryHint(int retries, SQLException cause) {
			if (cause.getSQLState() == null || !cause.getSQLState().startsWith("08")) {
				return "";
			}
			return (retries > 0) ? "; or raise migration.connect-retries"
					: "; for a database that is still starting, set migration.connect-retries "
							+ "(MIGRATION_CONNECT_RETRIES) to wait for it";
		}

	}

}
