package dev.migration.autogenerate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Server defaults as databases report them differ in form, not meaning
 * ({@code 'a'::character varying}, {@code current_timestamp()}, {@code (0)}); this brings
 * them to one form for comparison.
 */
final class Defaults {

	private static final Pattern PG_CAST = Pattern.compile("::[a-z ]+(\\([0-9, ]*\\))?(\\[\\])?$");

	private Defaults() {
	}

	static @Nullable String normalize(@Nullable String sql) {
		if (sql == null) {
			return null;
		}
		String value = sql.trim();
		while (value.startsWith("(") && value.endsWith(")") && balanced(value.substring(1, value.length() - 1))) {
			value = value.substring(1, value.length() - 1).trim();
		}
		if (!value.startsWith("'") || value.indexOf("'::") > 0) {
			value = PG_CAST.matcher(value).replaceAll("");
		}
		String lower = value.toLowerCase(Locale.ROOT);
		if (lower.equals("current_timestamp()") || lower.equals("now()") || lower.equals("current_timestamp")
				|| lower.startsWith("localtimestamp")) {
			return "CURRENT_TIMESTAMP";
		}
		if (lower.equals("b'0'") || lower.equals("b'1'")) {
			// MariaDB reports a BIT default as a bit literal
			return lower.substring(2, 3);
		}
		if (lower.equals("true") || lower.equals("false")) {
			return lower.toUpperCase(Locale.ROOT);
		}
		return value;
	}

	static boolean balanced(String text) {
		int depth = 0;
		for (char c : text.toCharArray()) {
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			if (depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}

	/** Whether two defaults mean the same, as far as text can tell. */
	static boolean same(@Nullable String a, @Nullable String b) {
		String left = bit(normalize(a));
		String right = bit(normalize(b));
		if (left == null || right == null) {
			return left == right;
		}
		return left.equalsIgnoreCase(right) || unquote(left).equals(unquote(right)) || sameNumber(left, right);
	}

	/** A boolean default as the bit MariaDB stores for it. */
	private static @Nullable String bit(@Nullable String value) {
		if ("FALSE".equals(value)) {
			return "0";
		}
		return "TRUE".equals(value) ? "1" : value;
	}

	private static boolean sameNumber(String left, String right) {
		try {
			return new BigDecimal(unquote(left)).compareTo(new BigDecimal(unquote(right))) == 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String unquote(String value) {
		if (value.length() > 1 && value.startsWith("'") && value.endsWith("'")) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

}
