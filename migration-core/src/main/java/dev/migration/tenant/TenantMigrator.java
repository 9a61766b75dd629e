package dev.migration.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.HistoryEntry.Direction;
import dev.migration.InvalidConfigurationException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.MigrationTargets;
import dev.migration.command.Migrator;
import dev.migration.sql.Dialect;

/**
 * Migrates many schemas (one per tenant) in one run: one {@link Migrator} per schema,
 * each with its own version and history tables and its own lock, so that a failure in one
 * schema stops and changes nothing in another. At most {@code parallelism} connections
 * are open at once: each schema being migrated uses up to two (one to work, which also
 * holds a session lock, and one for a lease lock's own statements), so
 * {@code parallelism / 2} schemas are migrated at a time. The run goes through every
 * schema whatever fails and reports per schema; the caller decides whether a failure
 * fails the run ({@link TenantRun#succeeded()}, {@link TenantMigrationException}).
 */
public final class TenantMigrator {

	private static final Logger log = LoggerFactory.getLogger(TenantMigrator.class);

	/** Default most connections open at once. */
	public static final int DEFAULT_PARALLELISM = 8;

	private final MigrationConfig config;

	private final MigrationTargets targets;

	private final int parallelism;

	/**
	 * @param config the settings every schema shares; its schema is replaced per tenant
	 * @param targets the schemas
	 * @param parallelism the most connections open at once, at least 2
	 */
	public TenantMigrator(MigrationConfig config, MigrationTargets targets, int parallelism) {
		if (config.dataSource() == null) {
			throw new InvalidConfigurationException("migration.url",
					"is not set and no DataSource was given: migrating schemas needs a database");
		}
		if (parallelism < 2) {
			throw new InvalidConfigurationException("migration.parallelism",
					"must be at least 2, since each schema "
							+ "being migrated may use two connections: its work connection and a lease lock's own (was "
							+ parallelism + ")");
		}
		this.config = config;
		this.targets = targets;
		this.parallelism = parallelism;
	}

	/**
	 * The same settings for one schema only.
	 * @param schema the schema
	 * @return a migrator of that schema
	 */
	public TenantMigrator only(String schema) {
		return new TenantMigrator(this.config, MigrationTargets.of(List.of(schema)), this.parallelism);
	}

	/** The schemas this run would migrate, read now. */
	public List<String> schemas() {
		return this.targets.schemas(this.config.dataSource());
	}

	/**
	 * Upgrade every schema to the target.
	 * @param target e.g. {@code heads}
	 * @return per schema
	 */
	public TenantRun upgrade(String target) {
		return run((migrator) -> migrator.upgrade(target));
	}

	/**
	 * Run a command on every schema.
	 * @param command what to run with each schema's migrator
	 * @return per schema
	 */
	public TenantRun run(Function<Migrator, @Nullable MigrationResult> command) {
		return run(command, true);
	}

	/**
	 * Read every schema's version table; creates nothing (a missing schema is reported as
	 * that schema's failure).
	 * @return per schema, with its heads
	 */
	public TenantRun current() {
		return run((migrator) -> {
			List<String> heads = migrator.current();
			return new MigrationResult(Direction.STAMP, heads, heads, List.of(), Duration.ZERO);
		}, false);
	}

	/**
	 * Read something from every schema (its status, its history), at most
	 * {@code parallelism} connections at once; creates nothing and changes nothing. A
	 * schema that cannot be read (missing, no access) is reported with its error, and the
	 * others are still read.
	 * @param read what to read with each schema's migrator
	 * @param <T> what is read
	 * @return per schema, in the order the schemas were given
	 */
	public <T> List<TenantRead<T>> read(Function<Migrator, T> read) {
		DataSource dataSource = this.config.dataSource();
		BoundedDataSource bounded = new BoundedDataSource(dataSource, this.parallelism);
		List<String> schemas = this.targets.schemas(dataSource);
		Dialect dialect = dialect(dataSource);
		// reading takes no lock: one connection per schema in progress
		int workers = Math.max(1, Math.min(this.parallelism, schemas.size()));
		return inParallel(schemas, workers, "reading", (schema) -> {
			try {
				Migrator migrator = new Migrator(this.config.toBuilder()
					.schema(schema)
					.dataSource(new SchemaDataSource(bounded, dialect, schema))
					.dialect(dialect)
					.build());
				return new TenantRead<>(schema, read.apply(migrator), null);
			}
			catch (RuntimeException ex) {
				return new TenantRead<T>(schema, null, String.valueOf(ex.getMessage()));
			}
		});
	}

	/**
	 * Run a task for each schema on {@code workers} daemon threads.
	 * @return the results, in the order of the schemas
	 */
	private static <R> List<R> inParallel(List<String> schemas, int workers, String doing, Function<String, R> task) {
		AtomicInteger counter = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(workers, (runnable) -> {
			Thread thread = new Thread(runnable, "migration-tenant-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<R>> futures = new ArrayList<>();
			for (String schema : schemas) {
				futures.add(executor.submit(() -> task.apply(schema)));
			}
			List<R> results = new ArrayList<>();
			for (Future<R> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new dev.migration.MigrationException("Interrupted while " + doing + " schemas", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private TenantRun run(Function<Migrator, @Nullable MigrationResult> command, boolean create) {
		long start = System.nanoTime();
		DataSource dataSource = this.config.dataSource();
		BoundedDataSource bounded = new BoundedDataSource(dataSource, this.parallelism);
		List<String> schemas = this.targets.schemas(dataSource);
		Dialect dialect = dialect(dataSource);
		int workers = Math.max(1, Math.min(this.parallelism / 2, schemas.size()));
		log.info("Migrating {} schemas, {} at a time", schemas.size(), workers);
		List<TenantResult> results = inParallel(schemas, workers, "migrating",
				(schema) -> migrate(schema, dialect, bounded, command, create));
		TenantRun run = new TenantRun(results, Duration.ofNanos(System.nanoTime() - start), bounded.peak());
		if (run.succeeded()) {
			log.info("Migrated {} in {} ms", run.summary(), run.duration().toMillis());
		}
		else {
			log.error("Migrated {} in {} ms", run.summary(), run.duration().toMillis());
		}
		return run;
	}

	private Dialect dialect(DataSource dataSource) {
		if (this.config.dialect() != null) {
			return this.config.dialect();
		}
		try (Connection connection = dataSource.getConnection()) {
			return Dialect.detect(connection);
		}
		catch (SQLException ex) {
			throw new dev.migration.MigrationException("Cannot connect to the database (" + dataSource + "): "
					+ ex.getMessage() + ". Check migration.url, migration.user and migration.password", ex);
		}
	}

	private TenantResult migrate(String schema, Dialect dialect, DataSource dataSource,
			Function<Migrator, @Nullable MigrationResult> command, boolean create) {
		long start = System.nanoTime();
		try {
			MigrationConfig tenant = this.config.toBuilder().schema(schema).build();
			SchemaDataSource inSchema = new SchemaDataSource(dataSource, dialect, schema);
			if (create) {
				inSchema.create();
			}
			Migrator migrator = new Migrator(tenant.toBuilder().dataSource(inSchema).dialect(dialect).build());
			MigrationResult result = command.apply(migrator);
			if (result == null) {
				// a command that checks only (validate at startup)
				return new TenantResult(schema, true, 0, List.of(), null, Duration.ofNanos(System.nanoTime() - start));
			}
			return new TenantResult(schema, true, result.steps().size(), result.toHeads(), null,
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (SQLException | RuntimeException ex) {
			log.error("{}: {}", schema, ex.getMessage());
			return new TenantResult(schema, false, 0, List.of(), String.valueOf(ex.getMessage()),
					Duration.ofNanos(System.nanoTime() - start));
		}
	}

}
