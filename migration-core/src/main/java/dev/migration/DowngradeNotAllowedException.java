package dev.migration;

import java.util.List;

/**
 * {@code migrateTo} was given a target below the database's current revision while
 * downgrades are off ({@code migration.allow-downgrade=false}, the default).
 */
public class DowngradeNotAllowedException extends MigrationException {

	private final String target;

	private final List<String> currentHeads;

	public DowngradeNotAllowedException(String target, List<String> currentHeads) {
		super("Target '" + target + "' is below the database's current revision ("
				+ (currentHeads.isEmpty() ? "base" : String.join(", ", currentHeads))
				+ "): reaching it would downgrade, which is off by default. Set migration.allow-downgrade=true to "
				+ "allow it, or run 'downgrade " + target + "' explicitly");
		this.target = target;
		this.currentHeads = List.copyOf(currentHeads);
	}

	public String getTarget() {
		return this.target;
	}

	public List<String> getCurrentHeads() {
		return this.currentHeads;
	}

}
