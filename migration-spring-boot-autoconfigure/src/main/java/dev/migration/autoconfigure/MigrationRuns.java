package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry;
import dev.migration.MigrationResult;

/**
 * The runs this application started, kept so that metrics registered after the startup
 * migration (the meter registry usually comes later) still see it.
 */
public final class MigrationRuns {

	private final List<Run> runs = new CopyOnWriteArrayList<>();

	private final List<Consumer<Run>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Run and record one migration.
	 * @param migration the work; returns what ran or {@code null} when nothing ran
	 * @return what the work returned
	 */
	public @Nullable MigrationResult record(Supplier<@Nullable MigrationResult> migration) {
		long start = System.nanoTime();
		try {
			MigrationResult result = migration.get();
			if (result != null) {
				add(new Run(direction(result.direction()), Outcome.SUCCESS, result.duration(), result.steps().size()));
			}
			return result;
		}
		catch (RuntimeException ex) {
			add(new Run("unknown", Outcome.FAILURE, Duration.ofNanos(System.nanoTime() - start), 0));
			throw ex;
		}
	}

	/**
	 * Run and record a validation, which changes nothing: a run with direction
	 * {@code validate} and outcome {@code validated}, or {@code failure} when it throws.
	 * @param validation the check
	 */
	public void recordValidation(Runnable validation) {
		long start = System.nanoTime();
		try {
			validation.run();
			add(new Run("validate", Outcome.VALIDATED, Duration.ofNanos(System.nanoTime() - start), 0));
		}
		catch (RuntimeException ex) {
			add(new Run("validate", Outcome.FAILURE, Duration.ofNanos(System.nanoTime() - start), 0));
			throw ex;
		}
	}

	private static String direction(HistoryEntry.Direction direction) {
		return direction.name().toLowerCase(Locale.ROOT);
	}

	private synchronized void add(Run run) {
		this.runs.add(run);
		this.listeners.forEach((listener) -> listener.accept(run));
	}

	/**
	 * Receive every run so far and every future one.
	 * @param listener the listener
	 */
	public synchronized void subscribe(Consumer<Run> listener) {
		new ArrayList<>(this.runs).forEach(listener);
		this.listeners.add(listener);
	}

	/** Whether a run succeeded; a validation that found the database at the target. */
	public enum Outcome {

		SUCCESS, FAILURE, VALIDATED

	}

	/**
	 * One run.
	 *
	 * @param direction {@code upgrade}, {@code downgrade}, {@code stamp},
	 * {@code validate} or {@code unknown} (a failed run)
	 * @param outcome success, failure, or validated
	 * @param duration how long it took
	 * @param applied how many revisions it applied or reverted
	 */
	public record Run(String direction, Outcome outcome, Duration duration, int applied) {
	}

}
