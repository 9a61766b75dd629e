package dev.migration.lint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code -- lint:ignore rule-name reason} comments that apply to one statement: those
 * in the gap before it (after the previous statement) and those inside it. A comment
 * without a reason suppresses nothing; several rules may be listed, comma separated.
 */
final class Suppressions {

	static final String MARKER = "lint:ignore";

	private final Map<String, String> reasons = new HashMap<>();

	private final Map<String, Boolean> missingReason = new HashMap<>();

	/** Read every marker in a piece of comment text (or a gap holding only comments). */
	void read(String text) {
		int at = text.indexOf(MARKER);
		while (at >= 0) {
			int end = text.indexOf('\n', at);
			String line = text.substring(at + MARKER.length(), (end < 0) ? text.length() : end).strip();
			if (line.endsWith("*/")) {
				line = line.substring(0, line.length() - 2).strip();
			}
			int space = indexOfSpace(line);
			String rules = (space < 0) ? line : line.substring(0, space);
			String reason = (space < 0) ? "" : line.substring(space).strip();
			for (String rule : rules.split(",")) {
				if (!rule.isBlank()) {
					if (reason.isEmpty()) {
						this.missingReason.put(rule.strip(), true);
					}
					else {
						this.reasons.put(rule.strip(), reason);
					}
				}
			}
			at = text.indexOf(MARKER, at + MARKER.length());
		}
	}

	private static int indexOfSpace(String line) {
		for (int i = 0; i < line.length(); i++) {
			if (Character.isWhitespace(line.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	void readAll(List<String> comments) {
		for (String comment : comments) {
			if (comment.contains(MARKER)) {
				read(comment);
			}
		}
	}

	/** The reason a rule is suppressed, {@code null} when it is not. */
	@Nullable String reason(LintRule rule) {
		return this.reasons.get(rule.id());
	}

	/** Whether the rule is named by a marker that gives no reason. */
	boolean missingReason(LintRule rule) {
		return this.missingReason.containsKey(rule.id());
	}

	void clear() {
		this.reasons.clear();
		this.missingReason.clear();
	}

}
