package dev.migration.lint;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How a report is printed: {@code text} for people, {@code json} for scripts,
 * {@code sarif} (2.1.0) for code-scanning tools such as GitHub's.
 */
public enum LintFormat {

	TEXT, JSON, SARIF;

	/**
	 * Render a report.
	 * @param report the report
	 * @return the text, ending with a newline
	 */
	public String render(LintReport report) {
		return switch (this) {
			case TEXT -> text(report);
			case JSON -> json(report);
			case SARIF -> sarif(report);
		};
	}

	private static String text(LintReport report) {
		StringBuilder out = new StringBuilder();
		for (LintFinding finding : report.findings()) {
			out.append(finding.location())
				.append(':')
				.append(finding.line())
				.append(": ")
				.append(finding.severity())
				.append(" [")
				.append(finding.rule().id())
				.append("] ")
				.append(finding.message())
				.append('\n')
				.append("    ")
				.append(finding.statement())
				.append('\n')
				.append("    fix: ")
				.append(finding.fix())
				.append('\n');
		}
		int count = report.findings().size();
		out.append("Linted ")
			.append(report.revisions())
			.append(" revision")
			.append((report.revisions() == 1) ? "" : "s")
			.append(" (")
			.append(report.statements())
			.append(" statements): ");
		if (count == 0) {
			out.append("no findings");
		}
		else {
			out.append(count).append(" finding").append((count == 1) ? "" : "s");
		}
		if (!report.suppressed().isEmpty()) {
			out.append(", ").append(report.suppressed().size()).append(" suppressed by lint:ignore");
		}
		if (!report.skipped().isEmpty()) {
			out.append("; Java revisions not linted: ").append(String.join(", ", report.skipped()));
		}
		out.append('.');
		if (report.fails()) {
			out.append(" Failing: findings at or above '")
				.append(report.failOn())
				.append("' (migration.lint.fail-on); fix them or add '-- lint:ignore <rule> <reason>' before the "
						+ "statement.");
		}
		return out.append('\n').toString();
	}

	private static String json(LintReport report) {
		StringBuilder out = new StringBuilder("{\"fails\":").append(report.fails())
			.append(",\"failOn\":")
			.append((report.failOn() != null) ? quote(report.failOn().toString()) : "null")
			.append(",\"revisions\":")
			.append(report.revisions())
			.append(",\"statements\":")
			.append(report.statements())
			.append(",\"findings\":");
		findings(out, report.findings());
		out.append(",\"suppressed\":");
		findings(out, report.suppressed());
		out.append(",\"skipped\":");
		array(out, report.skipped(), (skipped) -> out.append(quote(skipped)));
		return out.append("}\n").toString();
	}

	private static void findings(StringBuilder out, List<LintFinding> findings) {
		array(out, findings, (finding) -> {
			out.append("{\"rule\":")
				.append(quote(finding.rule().id()))
				.append(",\"severity\":")
				.append(quote(finding.severity().toString()))
				.append(",\"revision\":")
				.append(quote(finding.revision()))
				.append(",\"file\":")
				.append(quote(finding.location()))
				.append(",\"line\":")
				.append(finding.line())
				.append(",\"statement\":")
				.append(quote(finding.statement()))
				.append(",\"message\":")
				.append(quote(finding.message()))
				.append(",\"fix\":")
				.append(quote(finding.fix()));
			if (finding.suppressed()) {
				out.append(",\"reason\":").append(quote(finding.suppressedBecause()));
			}
			out.append('}');
		});
	}

	/** Append a JSON array: {@code [}, the items separated by commas, {@code ]}. */
	private static <T> void array(StringBuilder out, List<T> items, Consumer<T> item) {
		out.append('[');
		for (int i = 0; i < items.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			item.accept(items.get(i));
		}
		out.append(']');
	}

	private static String sarif(LintReport report) {
		StringBuilder out = new StringBuilder(
				"{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{")
			.append("\"tool\":{\"driver\":{\"name\":\"migration lint\",\"rules\":");
		array(out, List.of(LintRule.values()),
				(rule) -> out.append("{\"id\":")
					.append(quote(rule.id()))
					.append(",\"help\":{\"text\":")
					.append(quote(rule.fix()))
					.append("},\"defaultConfiguration\":{\"level\":")
					.append(quote(level(rule.defaultSeverity())))
					.append("}}"));
		out.append("}},\"results\":");
		array(out, report.findings(),
				(finding) -> out.append("{\"ruleId\":")
					.append(quote(finding.rule().id()))
					.append(",\"level\":")
					.append(quote(level(finding.severity())))
					.append(",\"message\":{\"text\":")
					.append(quote(finding.message() + ". Fix: " + finding.fix()))
					.append("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
					.append(quote(uri(finding.location())))
					.append("},\"region\":{\"startLine\":")
					.append(finding.line())
					.append("}}}],\"properties\":{\"revision\":")
					.append(quote(finding.revision()))
					.append("}}"));
		return out.append("}]}\n").toString();
	}

	/**
	 * A SARIF location: the path without the {@code classpath:}/{@code filesystem:}
	 * prefix.
	 */
	private static String uri(String location) {
		int colon = location.indexOf(':');
		return (colon > 1 && (location.startsWith("classpath:") || location.startsWith("filesystem:")))
				? location.substring(colon + 1) : location;
	}

	private static String level(Severity severity) {
		return switch (severity) {
			case INFO -> "note";
			case WARNING -> "warning";
			case ERROR -> "error";
		};
	}

	/**
	 * The text as a JSON string literal, quotes included; also what the command line's
	 * {@code --json} writes strings with.
	 * @param text the text
	 * @return the quoted, escaped text
	 */
	public static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/**
	 * Parse a format name ({@code text}, {@code json}, {@code sarif}).
	 * @param name the name
	 * @return the format
	 */
	public static LintFormat parse(String name) {
		return switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "text" -> TEXT;
			case "json" -> JSON;
			case "sarif" -> SARIF;
			default -> throw new IllegalArgumentException("Unknown format '" + name + "'; use text, json or sarif");
		};
	}

}
