package dev.migration.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.migration.ValidationReport;
import dev.migration.command.Migrator;

/**
 * {@code migration validate}: checksums of applied scripts and revisions the scripts do
 * not know. Exit code 1 when anything is wrong.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Check that applied scripts are unchanged and the database knows no unknown revision.")
final class ValidateCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Option(names = "--json", description = "Print JSON.")
	private boolean json;

	@Override
	public Integer call() {
		Migrator migrator = this.connection.migrator();
		ValidationReport report = migrator.validate();
		if (this.json) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("valid", report.isValid());
			json.put("problems", report.problems());
			json.put("changedChecksums", report.changedChecksums());
			json.put("unknownRevisions", report.unknownRevisions());
			json.put("aheadOfScripts", report.aheadOfScripts());
			this.connection.out().println(Json.write(json));
		}
		else if (report.isValid()) {
			this.connection.out()
				.println("Valid: " + migrator.graph().revisions().size()
						+ " revisions, applied scripts unchanged, no unknown revision in the database");
		}
		this.connection.out().flush();
		if (!report.isValid()) {
			throw new ValidationFailedException(report);
		}
		return 0;
	}

	/** {@code validate} found problems; each names its remedy. */
	static final class ValidationFailedException extends CliException {

		private final transient ValidationReport report;

		ValidationFailedException(ValidationReport report) {
			super("Validation failed (" + report.problems().size() + " problem"
					+ ((report.problems().size() == 1) ? "" : "s") + "): " + String.join(" ", report.problems()));
			this.report = report;
		}

		ValidationReport getReport() {
			return this.report;
		}

	}

}
