package dev.migration.actuator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;

import dev.migration.DatabaseState.Relation;
import dev.migration.MigrationStatus;
import dev.migration.command.Migrator;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRead;

/**
 * The {@code migrations} health contributor: {@code UP} when every migrated database is
 * at the target; {@code OUT_OF_SERVICE} when revisions are pending; {@code DOWN} when the
 * database has revisions no script knows or (with checksum validation) scripts were
 * edited after they were applied. A database ahead of the target (a newer build migrated
 * it, as in a rolling deploy) is {@code UP} with detail {@code ahead}, unless
 * {@code migration.health.ahead-status} says otherwise. With one DataSource the details
 * are flat; with several they are keyed by DataSource name. A DataSource migrated per
 * tenant schema ({@code migration.schemas}) is as healthy as its worst schema (a schema
 * that cannot be read is {@code DOWN}); its details count the schemas per state and name
 * the first {@value #ATTENTION_LIMIT} that are not at the target. Each check reads every
 * schema's version table.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	/** How many tenant schemas needing attention the details name. */
	static final int ATTENTION_LIMIT = 10;

	private final ApplicationContext context;

	private final String target;

	private final Status aheadStatus;

	/**
	 * Create an indicator that reports a database ahead of the target as {@code UP}.
	 * @param context the context whose migrators are checked
	 * @param target the target identifier
	 */
	public MigrationsHealthIndicator(ApplicationContext context, String target) {
		this(context, target, Status.UP);
	}

	/**
	 * Create an indicator.
	 * @param context the context whose migrators are checked
	 * @param target the target identifier
	 * @param aheadStatus the status while the database is ahead of the target
	 */
	public MigrationsHealthIndicator(ApplicationContext context, String target, Status aheadStatus) {
		super("Migration status check failed");
		this.context = context;
		this.target = target;
		this.aheadStatus = aheadStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Migrator> migrators = MigratorNames.of(this.context);
		Map<Migrator, TenantMigrator> tenants = TenantStatuses.of(this.context);
		Status worst = Status.UP;
		Map<String, Object> all = new LinkedHashMap<>();
		for (Map.Entry<String, Migrator> entry : migrators.entrySet()) {
			TenantMigrator tenantMigrator = tenants.get(entry.getValue());
			if (tenantMigrator != null) {
				Map<String, TenantRead<MigrationStatus>> statuses = TenantStatuses.read(tenantMigrator, this.target);
				for (TenantRead<MigrationStatus> read : statuses.values()) {
					MigrationStatus status = read.value();
					worst = worse(worst, (status != null) ? status(status.state().relation()) : Status.DOWN);
				}
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("target", this.target);
				details.put("schemas", statuses.size());
				details.put("states", TenantStatuses.counts(statuses));
				details.put("attention",
						TenantStatuses.byAttention(statuses)
							.stream()
							.filter((read) -> !"AT_TARGET".equals(TenantStatuses.state(read)))
							.limit(ATTENTION_LIMIT)
							.map((read) -> read.schema() + ": " + TenantStatuses.state(read)
									+ ((read.error() != null) ? " (" + read.error() + ")" : ""))
							.toList());
				all.put(entry.getKey(), details);
				continue;
			}
			MigrationStatus status = entry.getValue().status(this.target);
			worst = worse(worst, status(status.state().relation()));
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("target", status.target());
			details.put("currentHeads", status.currentHeads());
			details.put("pending", status.pending().size());
			details.put("pendingRevisions", status.pending());
			details.put("unknownRevisions", status.unknownRevisions());
			details.put("ahead", status.state().ahead());
			details.put("changedChecksums", status.changedChecksums());
			all.put(entry.getKey(), details);
		}
		builder.status(worst);
		if (all.size() == 1) {
			@SuppressWarnings("unchecked")
			Map<String, Object> only = (Map<String, Object>) all.values().iterator().next();
			builder.withDetails(only);
		}
		else {
			builder.withDetails(all);
		}
	}

	private Status status(Relation relation) {
		return switch (relation) {
			case UNKNOWN_REVISIONS, DRIFTED -> Status.DOWN;
			case BEHIND -> Status.OUT_OF_SERVICE;
			case AHEAD -> this.aheadStatus;
			case AT_TARGET, OTHER_BRANCH -> Status.UP;
		};
	}

	private static Status worse(Status a, Status b) {
		return (rank(b) > rank(a)) ? b : a;
	}

	private static int rank(Status status) {
		if (Status.DOWN.equals(status)) {
			return 2;
		}
		return Status.OUT_OF_SERVICE.equals(status) ? 1 : 0;
	}

}
