package dev.migration.script;

import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.migration.ScriptParseException;

/**
 * Fills {@code ${name}} in a script's sections from {@code migration.placeholders.*} and
 * the built-ins {@code ${migration:schema}}, {@code ${migration:user}},
 * {@code ${migration:database}}.
 * <p>
 * Only {@code ${}, a name of letters, digits, {@code _ . -} (or {@code migration:} and a
 * built-in's name), then {@code }} is a placeholder; any other {@code ${} is left as
 * written, so JSON or template text in a dollar-quoted body keeps working. {@code
 * \${name}} is the literal text {@code ${name}}. A name with no value fails the load,
 * naming file and line. The checksum stays that of the script as written.
 */
final class Placeholders {

	private static final String BUILT_IN = "migration:";

	private final Map<String, String> values;

	private final Supplier<DatabaseFacts> facts;

	Placeholders(Map<String, String> values, Supplier<DatabaseFacts> facts) {
		this.values = values;
		this.facts = facts;
	}

	/**
	 * The section with every placeholder filled.
	 * @param text the section as written
	 * @param firstLine the file line of the section's first line
	 * @param location the file, for messages
	 * @return the filled text (the same instance when there is nothing to fill)
	 */
	String fill(String text, int firstLine, String location) {
		if (text.indexOf("${") < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int line = firstLine;
		int copied = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				line++;
			}
			if (c != '$' || i + 1 >= text.length() || text.charAt(i + 1) != '{') {
				continue;
			}
			int end = nameEnd(text, i + 2);
			if (end < 0) {
				continue;
			}
			String name = text.substring(i + 2, end);
			if (i > 0 && text.charAt(i - 1) == '\\') {
				out.append(text, copied, i - 1).append(text, i, end + 1);
			}
			else {
				out.append(text, copied, i).append(value(name, line, location));
			}
			copied = end + 1;
			i = end;
		}
		return out.append(text, copied, text.length()).toString();
	}

	/** Where the closing brace of a placeholder starting at {@code from} is, or -1. */
	private static int nameEnd(String text, int from) {
		int p = from;
		if (text.startsWith(BUILT_IN, p)) {
			p += BUILT_IN.length();
		}
		int start = p;
		while (p < text.length() && isNameChar(text.charAt(p))) {
			p++;
		}
		return (p > start && p < text.length() && text.charAt(p) == '}') ? p : -1;
	}

	private static boolean isNameChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
	}

	private String value(String name, int line, String location) {
		if (name.startsWith(BUILT_IN)) {
			return builtIn(name, line, location);
		}
		String value = this.values.get(name);
		if (value == null) {
			throw new ScriptParseException(location, line,
					"no value for placeholder ${" + name + "}; set migration.placeholders." + name + ", write \\${"
							+ name + "} for the literal text, or set migration.placeholder-replacement=false");
		}
		return value;
	}

	private String builtIn(String name, int line, String location) {
		DatabaseFacts facts = this.facts.get();
		@Nullable String value = switch (name.substring(BUILT_IN.length())) {
			case "schema" -> facts.schema();
			case "user" -> facts.user();
			case "database" -> facts.database();
			default -> throw new ScriptParseException(location, line, "unknown built-in placeholder ${" + name
					+ "}; the built-ins are ${migration:schema}, ${migration:user} and ${migration:database}");
		};
		if (value == null) {
			throw new ScriptParseException(location, line, "placeholder ${" + name
					+ "} has no value without a database connection; configure the database (migration.url) or, for the schema, migration.schema");
		}
		return value;
	}

}
