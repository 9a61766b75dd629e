package dev.migration.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migration.MigrationStatus;
import dev.migration.RevisionStatus;
import dev.migration.command.Migrator;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRead;

/**
 * {@code migration status}: every revision with its state, when it was applied, how long
 * it took and whether its script changed since.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show every revision's state (applied, pending, unknown), when it ran and its checksum.")
final class StatusCommand extends TenantReadingCommand {

	private static final String ROW = "%-8s %-14s %-20s %9s  %-9s %s";

	@Option(names = "--target", defaultValue = "heads", description = "Target to count pending revisions against.")
	private String target;

	@Override
	int single() {
		Migrator migrator = this.connection.migrator();
		MigrationStatus status = migrator.status(this.target);
		List<String> problems = migrator.scriptProblems();
		PrintWriter out = this.connection.out();
		if (this.json.enabled()) {
			Map<String, Object> json = json(status);
			json.put("scriptProblems", problems);
			out.println(Json.write(json));
		}
		else {
			out.println("Database: " + status.dialect() + ", at " + RunReport.heads(status.currentHeads()));
			out.println("Heads: " + RunReport.heads(status.graphHeads()));
			out.println("Pending (" + status.target() + "): "
					+ (status.pending().isEmpty() ? "none" : String.join(", ", status.pending())));
			if (!status.unknownRevisions().isEmpty()) {
				out.println("Unknown to the scripts: " + String.join(", ", status.unknownRevisions()));
			}
			if (!status.changedChecksums().isEmpty()) {
				out.println("Changed since applied: " + String.join(", ", status.changedChecksums()));
			}
			for (String problem : problems) {
				out.println("Refused before running: " + problem);
			}
			out.println();
			out.println(String
				.format(Locale.ROOT, ROW, "State", "Revision", "Applied at", "Duration", "Checksum", "Message")
				.stripTrailing());
			for (RevisionStatus revision : status.revisions()) {
				out.println(String
					.format(Locale.ROOT, ROW, lower(revision.state()), revision.id(),
							(revision.appliedAt() != null) ? revision.appliedAt().toString() : "",
							(revision.duration() != null) ? RunReport.seconds(revision.duration()) : "",
							checksum(revision.checksumStatus()),
							(revision.repeatable() ? "(repeatable) " : "") + revision.message())
					.stripTrailing());
			}
		}
		out.flush();
		return 0;
	}

	/**
	 * One line per schema (its state, heads and pending revisions), then how many schemas
	 * are in each state; with {@code --json} the same per schema, without the revision
	 * list (run with {@code --schema <name>} for one schema in full). Exit code 1 when a
	 * schema could not be read.
	 */
	@Override
	int perSchema(TenantMigrator tenantMigrator) {
		PrintWriter out = this.connection.out();
		List<TenantRead<MigrationStatus>> reads = tenantMigrator.read((migrator) -> migrator.status(this.target));
		if (this.json.enabled()) {
			TenantOptions.json(out, reads, (status) -> {
				Map<String, Object> json = json(status);
				json.remove("revisions");
				json.put("state", status.state().relation());
				return json;
			});
			return 0;
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (TenantRead<MigrationStatus> read : reads) {
			MigrationStatus status = read.value();
			String state = (status != null) ? lower(status.state().relation()).replace('_', ' ') : "failed";
			counts.merge(state, 1, Integer::sum);
			if (status == null) {
				out.println(read.schema() + ": FAILED: " + read.error());
				continue;
			}
			StringBuilder line = new StringBuilder(read.schema()).append(": ")
				.append(state)
				.append(", at ")
				.append(RunReport.heads(status.currentHeads()));
			if (!status.pending().isEmpty()) {
				line.append(", ")
					.append(status.pending().size())
					.append(" pending (")
					.append(String.join(", ", status.pending().stream().limit(5).toList()))
					.append((status.pending().size() > 5) ? ", ..." : "")
					.append(")");
			}
			if (!status.unknownRevisions().isEmpty()) {
				line.append(", unknown: ").append(String.join(", ", status.unknownRevisions()));
			}
			if (!status.changedChecksums().isEmpty()) {
				line.append(", changed since applied: ").append(String.join(", ", status.changedChecksums()));
			}
			out.println(line);
		}
		out.println(reads.size() + " schemas: " + String.join(", ",
				counts.entrySet().stream().map((entry) -> entry.getValue() + " " + entry.getKey()).toList()));
		out.flush();
		TenantOptions.failIfAny(reads);
		return 0;
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static String checksum(RevisionStatus.ChecksumStatus status) {
		return switch (status) {
			case OK -> "ok";
			case CHANGED -> "CHANGED";
			case NOT_APPLICABLE -> "-";
		};
	}

	private static Map<String, Object> json(MigrationStatus status) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("dialect", status.dialect());
		json.put("currentHeads", status.currentHeads());
		json.put("graphHeads", status.graphHeads());
		json.put("target", status.target());
		json.put("upToDate", status.isUpToDate());
		json.put("pending", status.pending());
		json.put("unknownRevisions", status.unknownRevisions());
		json.put("changedChecksums", status.changedChecksums());
		List<Map<String, Object>> revisions = status.revisions().stream().map((revision) -> {
			// the record's components, "duration" named for its unit
			Map<String, Object> each = new LinkedHashMap<>();
			Json.fields(revision)
				.forEach((name, value) -> each.put(name.equals("duration") ? "durationMillis" : name, value));
			return each;
		}).toList();
		json.put("revisions", revisions);
		return json;
	}

}
