package dev.migration.tenant;

import dev.migration.MigrationException;

/**
 * One or more schemas of a multi-schema run failed; the others were migrated. Names each
 * failed schema with its error.
 */
public class TenantMigrationException extends MigrationException {

	private final TenantRun run;

	public TenantMigrationException(TenantRun run) {
		super(message(run));
		this.run = run;
	}

	private static String message(TenantRun run) {
		StringBuilder message = new StringBuilder("Migrating ").append(run.summary()).append('.');
		run.failed()
			.stream()
			.limit(20)
			.forEach((tenant) -> message.append("\n  ").append(tenant.schema()).append(": ").append(tenant.error()));
		if (run.failed().size() > 20) {
			message.append("\n  ... and ").append(run.failed().size() - 20).append(" more");
		}
		return message
			.append("\nThe other schemas are unaffected; fix the failed ones and run again (schemas that are ")
			.append("up to date are skipped)")
			.toString();
	}

	/** The whole run, per schema. */
	public TenantRun getRun() {
		return this.run;
	}

}
