package dev.migration.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;

import dev.migration.ValidationReport;
import dev.migration.command.Migrator;

/**
 * {@code migration validate}: checksums of applied scripts and revisions the scripts do
 * not know. Exit code 1 when anything is wrong.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Check that applied scripts are unchanged and the database knows no unknown revision.")
final class ValidateCommand extends JsonCommand {

	@Override
	public Integer call() {
		Migrator migrator = this.connection.migrator();
		ValidationReport report = migrator.validate();
		this.json.print(this.connection, () -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("valid", report.isValid());
			json.putAll(Json.fields(report));
			return json;
		}, (out) -> {
			if (report.isValid()) {
				out.println("Valid: " + migrator.graph().revisions().size()
						+ " revisions, applied scripts unchanged, no unknown revision in the database");
			}
		});
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
