package dev.migration.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.MigrationTargets;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.command.Migrator;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRead;
import dev.migration.tenant.TenantResult;
import dev.migration.tenant.TenantRun;

/**
 * {@code --schemas a,b,c} / {@code --schemas-query "SELECT ..."}: run a command on each
 * schema (one per tenant), each with its own version and history tables, at most
 * {@code --parallelism} connections at once. Without either flag,
 * {@code migration.schemas} and {@code migration.schemas-query} from the configuration
 * apply. Prints one line per schema and a summary; any failed schema makes the exit code
 * 1, after every other schema has run.
 */
final class TenantOptions {

	@Option(names = "--schemas", split = ",", paramLabel = "<schema>",
			description = "Run on each of these schemas (schema per tenant), each with its own version and history "
					+ "tables (default: migration.schemas).")
	private @Nullable List<String> schemas;

	@Option(names = "--schemas-query", paramLabel = "<sql>",
			description = "Run on each schema in the first column of this query's rows "
					+ "(default: migration.schemas-query).")
	private @Nullable String schemasQuery;

	@Option(names = "--parallelism", paramLabel = "<n>",
			description = "With --schemas: the most connections open at once, at least 2; each schema in progress "
					+ "uses up to two (default: migration.parallelism, else 8).")
	private @Nullable Integer parallelism;

	/**
	 * The multi-schema migrator, when schemas were selected by flag or configuration.
	 * @param connection the command's connection options
	 * @return the migrator, or {@code null} for a single-schema run
	 */
	@Nullable TenantMigrator migrator(ConnectionOptions connection) {
		MigrationProperties properties = connection.settings().properties();
		MigrationTargets targets = properties.toTargets();
		if (this.schemas != null && !this.schemas.isEmpty()) {
			targets = MigrationTargets.of(this.schemas.stream().map(String::strip).toList());
		}
		else if (this.schemasQuery != null) {
			targets = MigrationTargets.query(this.schemasQuery);
		}
		if (targets == null) {
			return null;
		}
		MigrationConfig config = connection.config();
		int most = (this.parallelism != null) ? this.parallelism : properties.getParallelism();
		return new TenantMigrator(config, targets, most);
	}

	/**
	 * Run a changing command on every selected schema.
	 * @param connection the command's connection options
	 * @param command what to run with each schema's migrator
	 * @return {@code false} when no schemas were selected (run on the one schema instead)
	 */
	boolean run(ConnectionOptions connection, Function<Migrator, MigrationResult> command) {
		TenantMigrator tenants = migrator(connection);
		if (tenants == null) {
			return false;
		}
		report(connection.out(), tenants.run(command::apply), true);
		return true;
	}

	/**
	 * Print what was read from every schema as JSON: {@code {"schemas": [{"schema": ...,
	 * <what was read>} or {"schema": ..., "error": ...}], "summary": {"schemas": n,
	 * "read": n, "failed": n}}}; fail (exit code 1) after printing when a schema could
	 * not be read.
	 * @param out where to print
	 * @param reads per schema
	 * @param json what to print of a schema that was read
	 * @param <T> what was read
	 */
	static <T> void json(PrintWriter out, List<TenantRead<T>> reads, Function<T, Map<String, Object>> json) {
		List<Map<String, Object>> schemas = new ArrayList<>();
		for (TenantRead<T> read : reads) {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("schema", read.schema());
			T value = read.value();
			if (value != null) {
				each.putAll(json.apply(value));
			}
			else {
				each.put("error", read.error());
			}
			schemas.add(each);
		}
		long failed = reads.stream().filter((read) -> !read.succeeded()).count();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("schemas", reads.size());
		summary.put("read", reads.size() - failed);
		summary.put("failed", failed);
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("schemas", schemas);
		all.put("summary", summary);
		out.println(Json.write(all));
		out.flush();
		failIfAny(reads);
	}

	/**
	 * Fail (exit code 1) when a schema could not be read.
	 * @param reads per schema
	 */
	static void failIfAny(List<? extends TenantRead<?>> reads) {
		List<String> failed = reads.stream().filter((read) -> !read.succeeded()).map(TenantRead::schema).toList();
		if (!failed.isEmpty()) {
			throw new CliException(failed.size() + " of " + reads.size() + " schemas could not be read ("
					+ String.join(", ", failed.stream().limit(10).toList()) + ((failed.size() > 10) ? ", ..." : "")
					+ "); the others were read. The output above says why for each");
		}
	}

	/**
	 * Print one line per schema and the summary; fail (exit code 1) when a schema failed.
	 * @param out where to print
	 * @param run the outcome
	 * @param changing whether the command changed the schemas (prints what it applied)
	 */
	static void report(PrintWriter out, TenantRun run, boolean changing) {
		for (TenantResult tenant : run.tenants()) {
			if (!tenant.succeeded()) {
				out.println(tenant.schema() + ": FAILED: " + tenant.error());
			}
			else if (changing) {
				out.println(tenant.schema() + ": " + tenant.applied()
						+ ((tenant.applied() == 1) ? " revision" : " revisions") + ", now at "
						+ RunReport.heads(tenant.heads()));
			}
			else {
				out.println(tenant.schema() + ": " + RunReport.heads(tenant.heads()));
			}
		}
		out.println(run.summary().replace(" migrated,", changing ? " migrated," : " read,") + " in "
				+ RunReport.seconds(run.duration()));
		out.flush();
		if (!run.succeeded()) {
			throw new CliException(run.failed().size() + " of " + run.tenants().size()
					+ " schemas failed; the others ran to the end. Fix the failed schemas (the lines above say why) and "
					+ "run the command again: schemas already up to date cost one query each");
		}
	}

}
