package dev.migration.reliability;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reliability suites share: the tag that keeps them out of the default build,
 * and a folder of their own for scripts, CLI output and work files.
 */
@Tag("reliability")
abstract class ReliabilityTest {

	@TempDir
	Path dir;

	/**
	 * The seed of a run's random choices: {@code -Dreliability.seed}, else the clock;
	 * printed, so that a failing run can be repeated.
	 * @param run what the seed is for, as printed
	 * @return the seed
	 */
	static long seed(String run) {
		long seed = Long.getLong("reliability.seed", System.nanoTime());
		System.out.println(run + ": seed " + seed + " (rerun with -Dreliability.seed=" + seed + ")");
		return seed;
	}

}
