package dev.migration.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code migration} command: Alembic's command line for the Java engine. Each
 * subcommand is its own class; they share {@link ConnectionOptions}.
 */
@Command(name = "migration", mixinStandardHelpOptions = true, versionProvider = MigrationCli.Version.class,
		description = "Author revisions and upgrade, downgrade, stamp and inspect databases.%n"
				+ "Settings come from application.yml / application.properties in the working directory "
				+ "(the keys the Spring Boot starter binds), environment variables and flags.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:success (check: the database at head matches the models)",
				"1:the command failed (bad target, multiple heads, validation failed, "
						+ "database unreachable...; the message says what to do), or check found differences",
				"2:invalid command line",
				"3-5:lint (or check --lint) found problems at or above fail-on: 3 info, 4 warning, 5 error" })
public final class MigrationCli implements Runnable {

	static {
		// Hibernate (autogenerate) logs through JBoss Logging, which picks JUL over slf4j
		// without Logback; route it to slf4j so that it is quiet like the rest
		if (System.getProperty("org.jboss.logging.provider") == null) {
			System.setProperty("org.jboss.logging.provider", "slf4j");
		}
	}

	private final Path workingDirectory;

	private final Map<String, String> environment;

	private final Secrets secrets = new Secrets();

	@Spec
	private CommandSpec spec;

	private boolean debug;

	public MigrationCli() {
		this(Path.of("").toAbsolutePath(), System.getenv());
	}

	/**
	 * A CLI for a given working directory and environment (tests run it in-process).
	 * @param workingDirectory where application.yml and relative paths are looked up
	 * @param environment the environment variables to bind
	 */
	public MigrationCli(Path workingDirectory, Map<String, String> environment) {
		this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
		this.environment = Map.copyOf(environment);
	}

	/** The subcommands, in the order the help lists them. */
	static final List<Class<?>> SUBCOMMANDS = List.of(InitCommand.class, RevisionCommand.class, MergeCommand.class,
			UpgradeCommand.class, DowngradeCommand.class, StampCommand.class, CurrentCommand.class,
			HistoryCommand.class, HeadsCommand.class, BranchesCommand.class, ShowCommand.class, ValidateCommand.class,
			CheckCommand.class, LintCommand.class, StatusCommand.class, RepairCommand.class, ImportCommand.class,
			CommandLine.HelpCommand.class);

	public static void main(String[] args) {
		System.exit(commandLine(new MigrationCli(), args).execute(args));
	}

	/**
	 * The configured command line with every subcommand: one exit-code mapper, one error
	 * handler.
	 * @param cli the root command
	 * @return the command line
	 */
	public static CommandLine commandLine(MigrationCli cli) {
		return commandLine(cli, null);
	}

	/**
	 * The command line for these arguments: when they name a subcommand (other than
	 * {@code help}), only that one is built (picocli reads every subcommand's options by
	 * reflection, a good part of a short run's start-up); otherwise all of them, so that
	 * the help, suggestions and errors are the same.
	 * @param cli the root command
	 * @param args the arguments, or {@code null} for every subcommand
	 * @return the command line
	 */
	static CommandLine commandLine(MigrationCli cli, String @Nullable [] args) {
		CommandLine commandLine = new CommandLine(cli);
		Class<?> only = (args != null) ? named(args) : null;
		for (Class<?> subcommand : SUBCOMMANDS) {
			if (only == null || subcommand == only) {
				commandLine.addSubcommand(subcommand);
			}
		}
		// after the subcommands: picocli passes these settings on to those it has
		ErrorHandler errors = new ErrorHandler();
		return commandLine.setExitCodeExceptionMapper(errors)
			.setExecutionExceptionHandler(errors)
			.setCaseInsensitiveEnumValuesAllowed(true);
	}

	/** The subcommand the first argument that is not an option names, if any. */
	private static @Nullable Class<?> named(String[] args) {
		for (String arg : args) {
			if (arg.startsWith("-")) {
				continue;
			}
			for (Class<?> subcommand : SUBCOMMANDS) {
				Command command = subcommand.getAnnotation(Command.class);
				if (command != null && command.name().equals(arg) && subcommand != CommandLine.HelpCommand.class) {
					return subcommand;
				}
			}
			return null;
		}
		return null;
	}

	@Option(names = "--debug", scope = ScopeType.INHERIT,
			description = "Log what the engine does and print stack traces on errors.")
	void setDebug(boolean debug) {
		this.debug = debug;
		if (debug) {
			// slf4j-simple reads this when the first logger is created, which is after
			// parsing
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
			// Spring's YAML loader logs whole documents at debug level, passwords
			// included
			System.setProperty("org.slf4j.simpleLogger.log.org.springframework", "info");
			System.setProperty("org.slf4j.simpleLogger.log.dev.migration.command.StepRunner", "debug");
		}
	}

	boolean isDebug() {
		return this.debug;
	}

	Path workingDirectory() {
		return this.workingDirectory;
	}

	Map<String, String> environment() {
		return this.environment;
	}

	Secrets secrets() {
		return this.secrets;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command; see the list above");
	}

	/** The version from the jar's manifest. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = MigrationCli.class.getPackage().getImplementationVersion();
			return new String[] { "migration " + ((version != null) ? version : "(development build)") };
		}

	}

}
