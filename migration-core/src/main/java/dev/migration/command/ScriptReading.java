package dev.migration.command;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import dev.migration.MigrationException;
import dev.migration.graph.RevisionGraph;
import dev.migration.script.DatabaseFacts;

/**
 * The revision graph read on a thread of its own ({@code migration-scripts}, with the
 * caller's context class loader) while the caller connects. The reading never touches the
 * database: where a script needs facts of it, the reading stops
 * ({@link #needsDatabase()}) and the caller reads the scripts again itself.
 */
final class ScriptReading {

	private final FutureTask<RevisionGraph> task;

	/**
	 * Start reading.
	 * @param read reads the graph, with {@link #needsDatabase()} as its database facts
	 */
	ScriptReading(Supplier<RevisionGraph> read) {
		this.task = new FutureTask<>(read::get);
		Thread thread = new Thread(this.task, "migration-scripts");
		thread.setDaemon(true);
		thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
		thread.start();
	}

	/**
	 * The database facts of a reading on its own thread: none, the reading stops.
	 * @return never
	 */
	static DatabaseFacts needsDatabase() {
		throw new NeedsDatabase();
	}

	/**
	 * Wait for the graph.
	 * @return the graph, empty when reading it needs the database
	 * @throws RuntimeException the reading's failure, as it was thrown
	 */
	Optional<RevisionGraph> graph() {
		try {
			return Optional.of(this.task.get());
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof NeedsDatabase) {
				return Optional.empty();
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new MigrationException("Reading the scripts failed: " + cause, cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while reading the scripts", ex);
		}
	}

	/**
	 * Wait for the reading and throw its failure, if it failed.
	 */
	void rethrowFailure() {
		graph();
	}

	/** Stops a reading that needs the database. */
	private static final class NeedsDatabase extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NeedsDatabase() {
			super("the scripts need facts of the database", null, false, false);
		}

	}

}
