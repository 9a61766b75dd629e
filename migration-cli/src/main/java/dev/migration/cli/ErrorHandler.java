package dev.migration.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

import dev.migration.MigrationException;

/**
 * The one place that turns failures into output and exit codes: a user error
 * ({@link MigrationException}) is one paragraph on stderr and exit code 1; an invalid
 * command line is picocli's usage message and 2; stack traces only with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

	/** The command failed; the message says why and what to do. */
	static final int FAILED = 1;

	/** The command line is invalid. */
	static final int USAGE = 2;

	@Override
	public int getExitCode(Throwable exception) {
		return (exception instanceof CommandLine.ParameterException) ? USAGE : FAILED;
	}

	@Override
	public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
		MigrationCli cli = (MigrationCli) commandLine.getCommandSpec().root().userObject();
		PrintWriter err = commandLine.getErr();
		err.println(cli.secrets().mask(message(exception, cli.isDebug())));
		if (cli.isDebug()) {
			StringWriter trace = new StringWriter();
			exception.printStackTrace(new PrintWriter(trace));
			err.print(cli.secrets().mask(trace.toString()));
		}
		err.flush();
		return commandLine.getExitCodeExceptionMapper().getExitCode(exception);
	}

	static String message(Throwable exception, boolean debug) {
		if (exception instanceof MigrationException) {
			String message = "Error: " + oneParagraph(exception.getMessage());
			Throwable cause = exception.getCause();
			if (cause != null && cause.getMessage() != null && !message.contains(oneParagraph(cause.getMessage()))) {
				message += " (cause: " + oneParagraph(cause.getMessage()) + ")";
			}
			return message;
		}
		Throwable root = rootCause(exception);
		return "Error: unexpected " + exception.getClass().getSimpleName() + ": "
				+ oneParagraph(String.valueOf(root.getMessage()))
				+ (debug ? "" : ". Run again with --debug for the stack trace, and report it if it persists.");
	}

	private static Throwable rootCause(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static String oneParagraph(String text) {
		return text.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
