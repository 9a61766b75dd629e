package dev.migration.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static dev.migration.sample.SampleMigrationsTests.BACKFILL;
import static dev.migration.sample.SampleMigrationsTests.BASE;
import static dev.migration.sample.SampleMigrationsTests.PINNED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup migration as Micrometer observations, exported the way a tracing bridge
 * would receive them: through an {@link ObservationHandler} bean, which Boot registers
 * with the application's observation registry; and, through Boot's meter handler, as
 * timers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:sample_observations;DB_CLOSE_DELAY=-1")
@DirtiesContext
class SampleObservationsTests {

	@Autowired
	Recording recording;

	@Autowired
	MeterRegistry meters;

	@Test
	void startupRunAndEachRevisionAreExportedThroughTheObservationRegistry() {
		List<Observation.Context> runs = this.recording.named("migration.command");
		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.getContextualName()).isEqualTo("migration upgrade");
			assertThat(run.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
			assertThat(run.getLowCardinalityKeyValue("dialect").getValue()).isEqualTo("h2");
		});
		List<Observation.Context> revisions = this.recording.named("migration.revision");
		assertThat(revisions).hasSize(8)
			.allSatisfy(
					(revision) -> assertThat(revision.getParentObservation().getContextView()).isSameAs(runs.get(0)));
		assertThat(revisions).extracting((revision) -> revision.getLowCardinalityKeyValue("revision").getValue())
			.startsWith(BASE)
			.contains(BACKFILL)
			.endsWith(PINNED);
	}

	@Test
	void observationsBecomeTimersTaggedPerRevision() {
		assertThat(this.meters.get("migration.revision")
			.tag("revision", BACKFILL)
			.tag("outcome", "success")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("migration.command").tag("direction", "upgrade").timer().count()).isEqualTo(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ObservationExport {

		@Bean
		Recording recording() {
			return new Recording();
		}

	}

	/** Stands in for an exporter: keeps every finished migration observation. */
	static class Recording implements ObservationHandler<Observation.Context> {

		private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context.getName() != null && context.getName().startsWith("migration.");
		}

		List<Observation.Context> named(String name) {
			return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
		}

	}

}
