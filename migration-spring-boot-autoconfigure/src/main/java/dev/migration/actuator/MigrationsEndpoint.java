package dev.migration.actuator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;

import dev.migration.HistoryEntry;
import dev.migration.MigrationStatus;
import dev.migration.Revision;
import dev.migration.RevisionStatus;
import dev.migration.command.Migrator;
import dev.migration.lint.LintConfig;
import dev.migration.lint.LintFinding;
import dev.migration.lint.LintReport;
import dev.migration.lint.Linter;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRead;

/**
 * {@code /actuator/migrations}: for each application context and each migrated
 * DataSource, where the database stands against the revision graph. Read-only; shows no
 * URL or credential. Each request costs one {@link Migrator#status(String)} and one
 * {@link Migrator#log(int)} per DataSource. A DataSource migrated per tenant schema
 * ({@code migration.schemas}) is summed up under {@code tenants} instead: one status per
 * schema, counted by state, the first {@link #TENANT_LIMIT} schemas listed (those needing
 * attention first); {@code /actuator/migrations/tenants/{schema}} shows one schema in
 * full.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	/** How many history rows, newest first, the endpoint returns per DataSource. */
	public static final int HISTORY_LIMIT = 100;

	/**
	 * How many tenant schemas the endpoint lists per DataSource, those needing attention
	 * first; every schema is counted, and each has its own path.
	 */
	public static final int TENANT_LIMIT = 100;

	private final ApplicationContext context;

	private final String target;

	private final LintConfig lint;

	/**
	 * Create an endpoint.
	 * @param context the context whose migrators (and whose ancestors' migrators) are
	 * described
	 * @param target the target identifier the status is computed against
	 */
	public MigrationsEndpoint(ApplicationContext context, String target) {
		this(context, target, LintConfig.defaults());
	}

	/**
	 * Create an endpoint whose revisions carry lint findings.
	 * @param context the context whose migrators (and whose ancestors' migrators) are
	 * described
	 * @param target the target identifier the status is computed against
	 * @param lint the {@code migration.lint.*} rules and severities
	 */
	public MigrationsEndpoint(ApplicationContext context, String target, LintConfig lint) {
		this.context = context;
		this.target = target;
		this.lint = lint;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<String, ContextMigrationsDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext current = this.context;
		while (current != null) {
			ApplicationContext parent = current.getParent();
			Map<String, DataSourceMigrationsDescriptor> dataSources = new LinkedHashMap<>();
			Map<String, TenantsDescriptor> tenants = new LinkedHashMap<>();
			Map<Migrator, TenantMigrator> tenantMigrators = TenantStatuses.of(current);
			MigratorNames.of(current).forEach((name, migrator) -> {
				TenantMigrator tenantMigrator = tenantMigrators.get(migrator);
				if (tenantMigrator != null) {
					tenants.put(name, describeTenants(migrator, tenantMigrator));
				}
				else {
					dataSources.put(name, describe(migrator));
				}
			});
			contexts.put(String.valueOf(current.getId()), new ContextMigrationsDescriptor(dataSources,
					(parent != null) ? parent.getId() : null, tenants.isEmpty() ? null : tenants));
			current = parent;
		}
		return new MigrationsDescriptor(contexts);
	}

	/**
	 * One tenant schema in full ({@code /actuator/migrations/tenants/{schema}}): its
	 * revisions and history, per DataSource whose tenants include it.
	 * @param tenants the literal {@code tenants}
	 * @param schema the schema
	 * @return the schema per DataSource, or {@code null} (404) when no DataSource
	 * migrates it
	 */
	@ReadOperation
	public @Nullable TenantDescriptors tenant(@Selector String tenants, @Selector String schema) {
		if (!"tenants".equals(tenants)) {
			return null;
		}
		Map<String, DataSourceMigrationsDescriptor> found = new LinkedHashMap<>();
		Map<Migrator, TenantMigrator> tenantMigrators = TenantStatuses.of(this.context);
		MigratorNames.of(this.context).forEach((name, migrator) -> {
			TenantMigrator tenantMigrator = tenantMigrators.get(migrator);
			if (tenantMigrator == null || !tenantMigrator.schemas().contains(schema)) {
				return;
			}
			List<TenantRead<DataSourceMigrationsDescriptor>> read = tenantMigrator.only(schema).read(this::describe);
			TenantRead<DataSourceMigrationsDescriptor> only = read.get(0);
			if (only.value() == null) {
				throw new IllegalStateException("Cannot read schema " + schema + ": " + only.error());
			}
			found.put(name, only.value());
		});
		return found.isEmpty() ? null : new TenantDescriptors(schema, found);
	}

	private TenantsDescriptor describeTenants(Migrator migrator, TenantMigrator tenants) {
		Map<String, TenantRead<MigrationStatus>> statuses = TenantStatuses.read(tenants, this.target);
		List<TenantDescriptor> listed = TenantStatuses.byAttention(statuses)
			.stream()
			.limit(TENANT_LIMIT)
			.map(TenantDescriptor::of)
			.toList();
		List<String> graphHeads = migrator.graph().heads().stream().map(Revision::id).toList();
		return new TenantsDescriptor(this.target, graphHeads, statuses.size(), TenantStatuses.counts(statuses), listed);
	}

	/**
	 * One revision, by full id, in each DataSource of this context that knows it.
	 * @param revision the revision id
	 * @return the revision per DataSource, or {@code null} (404) when none knows it
	 */
	@ReadOperation
	public @Nullable RevisionDescriptors revision(@Selector String revision) {
		Map<String, RevisionDescriptor> found = new LinkedHashMap<>();
		MigratorNames.of(this.context).forEach((name, migrator) -> {
			MigrationStatus status = migrator.status(this.target);
			for (RevisionStatus each : status.revisions()) {
				if (each.id().equals(revision)) {
					found.put(name, RevisionDescriptor.of(each, lint(migrator, status)));
				}
			}
		});
		return found.isEmpty() ? null : new RevisionDescriptors(found);
	}

	private DataSourceMigrationsDescriptor describe(Migrator migrator) {
		MigrationStatus status = migrator.status(this.target);
		LintReport lint = lint(migrator, status);
		List<RevisionDescriptor> revisions = status.revisions()
			.stream()
			.map((revision) -> RevisionDescriptor.of(revision, lint))
			.toList();
		List<HistoryDescriptor> history = migrator.log(HISTORY_LIMIT).stream().map(HistoryDescriptor::of).toList();
		return new DataSourceMigrationsDescriptor(status.dialect().name(), status.target(), status.currentHeads(),
				status.graphHeads(), status.pending(), status.isUpToDate(), revisions, history);
	}

	/**
	 * Lint every revision; pending ones know that what pending revisions before them
	 * create is still empty here.
	 */
	private LintReport lint(Migrator migrator, MigrationStatus status) {
		List<String> all = migrator.graph().revisions().stream().map(Revision::id).toList();
		return new Linter(this.lint, status.dialect()).lint(migrator.graph(), all, status.pending());
	}

	private static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

	/**
	 * Every context, from this one up to the root.
	 *
	 * @param contexts context id to its migrations
	 */
	public record MigrationsDescriptor(Map<String, ContextMigrationsDescriptor> contexts) {
	}

	/**
	 * The migrated DataSources of one context.
	 *
	 * @param dataSources DataSource bean name (or migrator bean name when it uses
	 * {@code migration.url}) to its migrations
	 * @param parentId the parent context's id
	 * @param tenants DataSource name to its tenant schemas, for DataSources migrated per
	 * tenant schema ({@code migration.schemas}); {@code null} when there are none
	 */
	public record ContextMigrationsDescriptor(Map<String, DataSourceMigrationsDescriptor> dataSources,
			@Nullable String parentId, @Nullable Map<String, TenantsDescriptor> tenants) {
	}

	/**
	 * The tenant schemas of one DataSource, summed up: how many are in each state, and
	 * the first {@link #TENANT_LIMIT} of them, those needing attention first.
	 *
	 * @param target the target the states are computed against
	 * @param graphHeads heads of the revision graph
	 * @param total how many schemas
	 * @param states state ({@code AT_TARGET}, {@code BEHIND}, {@code AHEAD},
	 * {@code OTHER_BRANCH}, {@code DRIFTED}, {@code UNKNOWN_REVISIONS}, or {@code FAILED}
	 * when the schema could not be read) to how many schemas are in it
	 * @param schemas the first schemas, failed first, at target last
	 */
	public record TenantsDescriptor(String target, List<String> graphHeads, int total, Map<String, Integer> states,
			List<TenantDescriptor> schemas) {
	}

	/**
	 * One tenant schema in the summary.
	 *
	 * @param schema the schema
	 * @param state its state against the target
	 * @param currentHeads revisions in its version table
	 * @param pending how many revisions are pending
	 * @param unknownRevisions revisions only its version table knows
	 * @param error why it could not be read, for {@code FAILED}
	 */
	public record TenantDescriptor(String schema, String state, List<String> currentHeads, int pending,
			List<String> unknownRevisions, @Nullable String error) {

		static TenantDescriptor of(TenantRead<MigrationStatus> read) {
			MigrationStatus status = read.value();
			if (status == null) {
				return new TenantDescriptor(read.schema(), TenantStatuses.FAILED, List.of(), 0, List.of(),
						read.error());
			}
			return new TenantDescriptor(read.schema(), TenantStatuses.state(read), status.currentHeads(),
					status.pending().size(), status.unknownRevisions(), null);
		}

	}

	/**
	 * One tenant schema in full, per DataSource that migrates it.
	 *
	 * @param schema the schema
	 * @param dataSources DataSource name to the schema's migrations
	 */
	public record TenantDescriptors(String schema, Map<String, DataSourceMigrationsDescriptor> dataSources) {
	}

	/**
	 * One migrated database.
	 *
	 * @param dialect the database's dialect
	 * @param target the target the status is computed against
	 * @param currentHeads revisions in the version table
	 * @param graphHeads heads of the revision graph
	 * @param pending revisions an upgrade to the target would apply, in run order
	 * @param upToDate nothing pending, unknown or drifted
	 * @param revisions every revision, newest first, then those only the database knows
	 * @param history the newest history rows, newest first
	 */
	public record DataSourceMigrationsDescriptor(String dialect, String target, List<String> currentHeads,
			List<String> graphHeads, List<String> pending, boolean upToDate, List<RevisionDescriptor> revisions,
			List<HistoryDescriptor> history) {
	}

	/**
	 * One revision.
	 *
	 * @param id the id
	 * @param message the message
	 * @param revises parent ids
	 * @param dependsOn cross-branch dependencies
	 * @param branchLabels branch labels
	 * @param type {@code SQL} or {@code JAVA}; {@code null} when no script defines it
	 * @param location file or class; {@code null} when no script defines it
	 * @param state {@code APPLIED}, {@code PENDING} or {@code UNKNOWN}
	 * @param appliedAt when it was applied
	 * @param durationMs how long applying it took, in milliseconds
	 * @param checksum the script's checksum now
	 * @param checksumStatus {@code OK}, {@code CHANGED} or {@code NOT_APPLICABLE}
	 * @param lint what {@code migration lint} finds in the revision's upgrade statements
	 * (suppressed findings left out)
	 * @param repeatable whether it is a repeatable script (no parents, runs after the
	 * versioned revisions whenever it changes)
	 */
	public record RevisionDescriptor(String id, String message, List<String> revises, List<String> dependsOn,
			List<String> branchLabels, @Nullable String type, @Nullable String location, String state,
			@Nullable Instant appliedAt, @Nullable Long durationMs, @Nullable String checksum, String checksumStatus,
			List<LintDescriptor> lint, boolean repeatable) {

		static RevisionDescriptor of(RevisionStatus status, LintReport lint) {
			return new RevisionDescriptor(status.id(), status.message(), status.revises(), status.dependsOn(),
					status.branchLabels(), (status.kind() != null) ? status.kind().name() : null, status.location(),
					status.state().name(), status.appliedAt(), millis(status.duration()), status.checksum(),
					status.checksumStatus().name(),
					lint.findingsOf(status.id()).stream().map(LintDescriptor::of).toList(), status.repeatable());
		}

	}

	/**
	 * One lint finding.
	 *
	 * @param rule the rule, e.g. {@code require-concurrent-index-creation}
	 * @param severity {@code info}, {@code warning} or {@code error}
	 * @param line the line where the statement starts
	 * @param message what the statement does and why it hurts
	 * @param fix the safe rewrite
	 */
	public record LintDescriptor(String rule, String severity, int line, String message, String fix) {

		static LintDescriptor of(LintFinding finding) {
			return new LintDescriptor(finding.rule().id(), finding.severity().toString(), finding.line(),
					finding.message(), finding.fix());
		}

	}

	/**
	 * One revision in each DataSource that knows it.
	 *
	 * @param dataSources DataSource name to the revision
	 */
	public record RevisionDescriptors(Map<String, RevisionDescriptor> dataSources) {
	}

	/**
	 * One history row.
	 *
	 * @param id sequence number
	 * @param revision the revision id
	 * @param direction {@code UPGRADE}, {@code DOWNGRADE} or {@code STAMP}
	 * @param checksum the script checksum at the time
	 * @param startedAt when the step started
	 * @param durationMs how long it took, in milliseconds
	 * @param user the database user that ran it
	 * @param success whether it succeeded
	 * @param error the error of a failed step
	 */
	public record HistoryDescriptor(long id, String revision, String direction, @Nullable String checksum,
			Instant startedAt, long durationMs, @Nullable String user, boolean success, @Nullable String error) {

		static HistoryDescriptor of(HistoryEntry entry) {
			return new HistoryDescriptor(entry.id(), entry.revision(), entry.direction().name(), entry.checksum(),
					entry.startedAt(), entry.duration().toMillis(), entry.user(), entry.success(), entry.error());
		}

	}

}
