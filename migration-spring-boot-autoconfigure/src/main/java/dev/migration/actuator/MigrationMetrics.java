package dev.migration.actuator;

import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.ApplicationContext;

import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.command.Migrator;

/**
 * Micrometer metrics: timer {@code migration.run} (tags {@code direction},
 * {@code outcome}) per run the starter started, counter {@code migration.applied} of
 * revisions applied or reverted by those runs, and gauge {@code migration.pending} (tag
 * {@code name}: the DataSource) of revisions pending now.
 */
public class MigrationMetrics implements MeterBinder {

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
		for (Map.Entry<String, Migrator> entry : MigratorNames.of(this.context).entrySet()) {
			Gauge.builder("migration.pending", entry.getValue(), this::pending)
				.description("Revisions pending against the target")
				.tag("name", entry.getKey())
				.strongReference(true)
				.register(registry);
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
