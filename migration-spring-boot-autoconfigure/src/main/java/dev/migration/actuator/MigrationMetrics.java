package dev.migration.actuator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.ApplicationContext;

import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.MigrationStatus;
import dev.migration.command.Migrator;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRead;

/**
 * Micrometer metrics: timer {@code migration.run} (tags {@code direction},
 * {@code outcome}) per run the starter started, counter {@code migration.applied} of
 * revisions applied or reverted by those runs, and gauge {@code migration.pending} (tag
 * {@code name}: the DataSource) of revisions pending now; for a DataSource migrated per
 * tenant schema ({@code migration.schemas}), one such gauge per schema, tagged
 * {@code name} and {@code schema}.
 */
public class MigrationMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(MigrationMetrics.class);

	private final MigrationRuns runs;

	private final ApplicationContext context;

	private final String target;

	/**
	 * Create the binder.
	 * @param runs the runs to report (those before binding included)
	 * @param context the context whose migrators get a pending gauge
	 * @param target the target identifier pending revisions are counted against
	 */
	public MigrationMetrics(MigrationRuns runs, ApplicationContext context, String target) {
		this.runs = runs;
		this.context = context;
		this.target = target;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Counter applied = Counter.builder("migration.applied")
			.description("Revisions applied or reverted by migration runs")
			.register(registry);
		this.runs.subscribe((run) -> {
			Timer.builder("migration.run")
				.description("Duration of migration runs")
				.tag("direction", run.direction())
				.tag("outcome", run.outcome().name().toLowerCase(Locale.ROOT))
				.register(registry)
				.record(run.duration());
			applied.increment(run.applied());
		});
		Map<Migrator, TenantMigrator> tenants = TenantStatuses.of(this.context);
		for (Map.Entry<String, Migrator> entry : MigratorNames.of(this.context).entrySet()) {
			TenantMigrator tenantMigrator = tenants.get(entry.getValue());
			if (tenantMigrator != null) {
				bindTenants(registry, entry.getKey(), tenantMigrator);
				continue;
			}
			Gauge.builder("migration.pending", entry.getValue(), this::pending)
				.description("Revisions pending against the target")
				.tag("name", entry.getKey())
				.strongReference(true)
				.register(registry);
		}
	}

	/**
	 * One {@code migration.pending} gauge per tenant schema (tags {@code name} and
	 * {@code schema}), all read from one snapshot of every schema's status, taken at most
	 * once per {@link #TENANT_SNAPSHOT_TTL} so that a scrape reads each schema once. The
	 * schemas are those configured when the registry binds (a schemas query is read
	 * then).
	 */
	private void bindTenants(MeterRegistry registry, String name, TenantMigrator tenants) {
		List<String> schemas;
		try {
			schemas = tenants.schemas();
		}
		catch (RuntimeException ex) {
			log.warn("No migration.pending gauges for the schemas of {}: {}", name, ex.getMessage());
			return;
		}
		TenantSnapshot snapshot = new TenantSnapshot(tenants, this.target);
		for (String schema : schemas) {
			Gauge.builder("migration.pending", snapshot, (each) -> each.pending(schema))
				.description("Revisions pending against the target")
				.tag("name", name)
				.tag("schema", schema)
				.strongReference(true)
				.register(registry);
		}
	}

	/** How long one read of every tenant schema serves the gauges. */
	static final Duration TENANT_SNAPSHOT_TTL = Duration.ofSeconds(10);

	private static final class TenantSnapshot {

		private final TenantMigrator tenants;

		private final String target;

		private Map<String, TenantRead<MigrationStatus>> statuses = Map.of();

		private long readAt;

		private boolean read;

		TenantSnapshot(TenantMigrator tenants, String target) {
			this.tenants = tenants;
			this.target = target;
		}

		synchronized double pending(String schema) {
			long now = System.nanoTime();
			if (!this.read || now - this.readAt > TENANT_SNAPSHOT_TTL.toNanos()) {
				try {
					this.statuses = TenantStatuses.read(this.tenants, this.target);
				}
				catch (RuntimeException ex) {
					this.statuses = Map.of();
				}
				this.readAt = now;
				this.read = true;
			}
			TenantRead<MigrationStatus> status = this.statuses.get(schema);
			// NaN: the schema could not be read
			return (status != null && status.value() != null) ? status.value().pending().size() : Double.NaN;
		}

	}

	private double pending(Migrator migrator) {
		try {
			return migrator.status(this.target).pending().size();
		}
		catch (RuntimeException ex) {
			// a gauge must not fail the scrape; NaN shows that the database could not be
			// read
			return Double.NaN;
		}
	}

}
