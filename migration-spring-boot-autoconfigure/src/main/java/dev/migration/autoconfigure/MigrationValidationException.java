package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migration.MigrationException;

/**
 * The database does not match the target and {@code migration.on-startup} is
 * {@code validate}: nothing was changed. Keeps every finding as a field; the message says
 * what is wrong and what to do.
 */
public class MigrationValidationException extends MigrationException {

	private final String target;

	private final List<String> currentHeads;

	private final List<String> pending;

	private final List<String> ahead;

	private final List<String> otherBranch;

	private final List<String> unknown;

	private final Map<String, String> drifted;

	/**
	 * Create an exception.
	 * @param target the target the database was validated against
	 * @param currentHeads the database's current heads
	 * @param pending revisions an upgrade would apply, in run order
	 * @param ahead current heads beyond the target
	 * @param otherBranch current heads on a branch the target does not contain
	 * @param unknown current heads no script defines
	 * @param drifted revision id to script location, for scripts edited after they were
	 * applied
	 */
	public MigrationValidationException(String target, List<String> currentHeads, List<String> pending,
			List<String> ahead, List<String> otherBranch, List<String> unknown, Map<String, String> drifted) {
		super(message(target, currentHeads, pending, ahead, otherBranch, unknown, drifted));
		this.target = target;
		this.currentHeads = List.copyOf(currentHeads);
		this.pending = List.copyOf(pending);
		this.ahead = List.copyOf(ahead);
		this.otherBranch = List.copyOf(otherBranch);
		this.unknown = List.copyOf(unknown);
		this.drifted = Map.copyOf(drifted);
	}

	private static String message(String target, List<String> currentHeads, List<String> pending, List<String> ahead,
			List<String> otherBranch, List<String> unknown, Map<String, String> drifted) {
		return "Database (at " + heads(currentHeads) + ") does not match migration target '" + target + "': "
				+ String.join("; ", problems(pending, ahead, otherBranch, unknown, drifted)) + ". "
				+ String.join(" ", remedies(target, pending, ahead, otherBranch, unknown, drifted));
	}

	static String heads(List<String> heads) {
		return heads.isEmpty() ? "base" : String.join(", ", heads);
	}

	private static List<String> problems(List<String> pending, List<String> ahead, List<String> otherBranch,
			List<String> unknown, Map<String, String> drifted) {
		List<String> problems = new ArrayList<>();
		if (!pending.isEmpty()) {
			problems.add("behind by " + pending.size() + " revision" + ((pending.size() != 1) ? "s" : "")
					+ " (pending: " + String.join(", ", pending) + ")");
		}
		if (!ahead.isEmpty()) {
			problems.add("ahead of the target (at " + String.join(", ", ahead) + ")");
		}
		if (!otherBranch.isEmpty()) {
			problems.add("on another branch (" + String.join(", ", otherBranch) + " is not part of the target)");
		}
		if (!unknown.isEmpty()) {
			problems.add("revisions unknown to the scripts: " + String.join(", ", unknown));
		}
		drifted.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> problems
				.add("revision " + entry.getKey() + " (" + entry.getValue() + ") was edited after it was applied"));
		return problems;
	}

	/**
	 * What to do, one sentence per finding.
	 * @return the remedies
	 */
	public List<String> getRemedies() {
		return remedies(this.target, this.pending, this.ahead, this.otherBranch, this.unknown, this.drifted);
	}

	private static List<String> remedies(String target, List<String> pending, List<String> ahead,
			List<String> otherBranch, List<String> unknown, Map<String, String> drifted) {
		List<String> remedies = new ArrayList<>();
		if (!pending.isEmpty()) {
			remedies.add("Apply the pending revisions first (run `migration upgrade " + target
					+ "`, or start once with migration.on-startup=upgrade).");
		}
		if (!ahead.isEmpty() || !unknown.isEmpty()) {
			remedies.add("The database was migrated by a newer version of the application: deploy that version,"
					+ " or downgrade the database with `migration downgrade " + target + "`.");
		}
		if (!otherBranch.isEmpty()) {
			remedies.add("Set migration.target to include the database's branch (e.g. 'heads'),"
					+ " or merge the branches with `migration merge heads`.");
		}
		if (!drifted.isEmpty()) {
			remedies.add("The script was edited after it was applied: revert the edit and put the change"
					+ " into a new revision (or set migration.validate-checksums=false).");
		}
		return remedies;
	}

	public String getTarget() {
		return this.target;
	}

	public List<String> getCurrentHeads() {
		return this.currentHeads;
	}

	public List<String> getPending() {
		return this.pending;
	}

	public List<String> getAhead() {
		return this.ahead;
	}

	public List<String> getOtherBranch() {
		return this.otherBranch;
	}

	public List<String> getUnknown() {
		return this.unknown;
	}

	/**
	 * Scripts edited after they were applied.
	 * @return revision id to script location
	 */
	public Map<String, String> getDrifted() {
		return this.drifted;
	}

}
