package dev.migration.actuator;

import java.sql.Connection;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import dev.migration.HistoryEntry;
import dev.migration.MigrationConfig;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.sql.Dialect;

/**
 * Micrometer observations (a trace span and, with Boot's default handler, a timer each):
 * {@value #RUN} for each run of {@code upgrade}, {@code downgrade} or {@code stamp}, and
 * {@value #REVISION} for each revision applied or reverted, a child of its run. Both
 * carry the low-cardinality keys {@code direction}, {@code outcome} ({@code success} or
 * {@code failure}) and {@code dialect}; revisions also {@code revision} (the id: one
 * value per revision of the project) and the high-cardinality {@code message}. Scopes are
 * opened on the migrating thread, so spans of instrumented JDBC calls nest under the
 * revision that made them.
 * <p>
 * The dialect is read once, from a connection taken before the first run connects
 * ({@link Dialect#detect}), and is {@code unknown} if that fails.
 */
public class MigrationObservations implements MigrationListener {

	/** The observation of one run. */
	public static final String RUN = "migration.command";

	/** The observation of one revision. */
	public static final String REVISION = "migration.revision";

	private final ObservationRegistry registry;

	private final Supplier<@Nullable MigrationConfig> config;

	private final ThreadLocal<Open> run = new ThreadLocal<>();

	private final ThreadLocal<Open> revision = new ThreadLocal<>();

	private volatile @Nullable String dialect;

	/**
	 * Create the listener.
	 * @param registry where observations go
	 * @param migrators the migrator whose database names the dialect
	 */
	public MigrationObservations(ObservationRegistry registry, ObjectProvider<Migrator> migrators) {
		// looked up at the first run: the migrator is created after its listeners
		this(registry, () -> {
			Migrator migrator = migrators.getIfUnique();
			return (migrator != null) ? migrator.config() : null;
		});
	}

	MigrationObservations(ObservationRegistry registry, Supplier<@Nullable MigrationConfig> config) {
		this.registry = registry;
		this.config = config;
	}

	@Override
	public void beforeRun(String command) {
		close(this.revision);
		close(this.run);
		Observation observation = Observation.createNotStarted(RUN, this.registry)
			.contextualName("migration " + command)
			.lowCardinalityKeyValue("direction", command)
			.lowCardinalityKeyValue("dialect", dialect())
			.start();
		this.run.set(new Open(observation, observation.openScope()));
	}

	@Override
	public void beforeRevision(HistoryEntry.Direction direction, Revision revision) {
		close(this.revision);
		Open run = this.run.get();
		Observation observation = Observation.createNotStarted(REVISION, this.registry)
			.contextualName(revision.id() + " " + lower(direction))
			.parentObservation((run != null) ? run.observation() : null)
			.lowCardinalityKeyValue("revision", revision.id())
			.lowCardinalityKeyValue("direction", lower(direction))
			.lowCardinalityKeyValue("dialect", dialect())
			.highCardinalityKeyValue("message", revision.message())
			.start();
		this.revision.set(new Open(observation, observation.openScope()));
	}

	@Override
	public void stepCompleted(HistoryEntry.Direction direction, MigrationResult.Step step) {
		stop(this.revision, "success", null);
	}

	@Override
	public void afterRun(String command, MigrationResult result) {
		Open open = this.run.get();
		if (open != null) {
			open.observation()
				.lowCardinalityKeyValue("direction", lower(result.direction()))
				.highCardinalityKeyValue("revisions", String.valueOf(result.steps().size()));
		}
		stop(this.run, "success", null);
	}

	@Override
	public void runFailed(String command, RuntimeException failure) {
		stop(this.revision, "failure", failure);
		stop(this.run, "failure", failure);
	}

	private void stop(ThreadLocal<Open> holder, String outcome, @Nullable Throwable failure) {
		Open open = holder.get();
		if (open == null) {
			return;
		}
		holder.remove();
		open.scope().close();
		if (failure != null) {
			open.observation().error(failure);
		}
		open.observation().lowCardinalityKeyValue(KeyValue.of("outcome", outcome)).stop();
	}

	/** Whatever an earlier run on this thread left open (a listener before us threw). */
	private void close(ThreadLocal<Open> holder) {
		stop(holder, "unknown", null);
	}

	private String dialect() {
		String known = this.dialect;
		if (known != null) {
			return known;
		}
		MigrationConfig config = this.config.get();
		if (config != null && config.dialect() != null) {
			known = name(config.dialect());
			this.dialect = known;
			return known;
		}
		DataSource dataSource = (config != null) ? config.dataSource() : null;
		if (dataSource == null) {
			return "unknown";
		}
		try (Connection connection = dataSource.getConnection()) {
			known = name(Dialect.detect(connection));
			this.dialect = known;
			return known;
		}
		catch (Exception ex) {
			// the run that follows reports the connection problem itself
			return "unknown";
		}
	}

	private static String name(Dialect dialect) {
		return lower(dialect);
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private record Open(Observation observation, Observation.Scope scope) {
	}

}
