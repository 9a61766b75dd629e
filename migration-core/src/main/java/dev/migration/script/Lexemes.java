package dev.migration.script;

import dev.migration.sql.Dialect;

/**
 * Where quoted literals, block comments and dollar-quote tags end. Each method takes the
 * position of the opening character and answers the position just after the closing one,
 * or {@code -1} when the script ends first; nothing is allocated.
 */
final class Lexemes {

	private Lexemes() {
	}

	/**
	 * A quoted literal or identifier; a doubled quote stands for one quote, and with
	 * {@code backslashEscapes} a backslash escapes the next character.
	 */
	static int quotedEnd(String s, int open, char quote, boolean backslashEscapes) {
		int n = s.length();
		int p = open + 1;
		if (backslashEscapes) {
			while (p < n) {
				char c = s.charAt(p);
				if (c == '\\') {
					p += 2;
				}
				else if (c == quote) {
					if (p + 1 < n && s.charAt(p + 1) == quote) {
						p += 2;
					}
					else {
						return p + 1;
					}
				}
				else {
					p++;
				}
			}
			return -1;
		}
		while (true) {
			int close = s.indexOf(quote, p);
			if (close < 0) {
				return -1;
			}
			if (close + 1 < n && s.charAt(close + 1) == quote) {
				p = close + 2;
				continue;
			}
			return close + 1;
		}
	}

	/** A block comment opened at {@code open}; PostgreSQL's nest. */
	static int blockCommentEnd(String s, int open, boolean nested) {
		if (!nested) {
			int close = s.indexOf("*/", open + 2);
			return (close < 0) ? -1 : close + 2;
		}
		int n = s.length();
		int depth = 1;
		int p = open + 2;
		while (p < n - 1) {
			char c = s.charAt(p);
			if (c == '*' && s.charAt(p + 1) == '/') {
				p += 2;
				if (--depth == 0) {
					return p;
				}
			}
			else if (c == '/' && s.charAt(p + 1) == '*') {
				depth++;
				p += 2;
			}
			else {
				p++;
			}
		}
		return -1;
	}

	/**
	 * The end of a dollar-quote opening tag ({@code $$}, or {@code $tag$} when
	 * {@code tags}) at {@code open}, or {@code -1} when the dollar opens none (a
	 * positional parameter such as {@code $1}, a lone dollar).
	 */
	static int dollarTagEnd(String s, int open, boolean tags) {
		int n = s.length();
		int p = open + 1;
		if (tags && p < n && Chars.isIdentStart(s.charAt(p))) {
			while (p < n && Chars.isTagPart(s.charAt(p))) {
				p++;
			}
		}
		return (p < n && s.charAt(p) == '$') ? p + 1 : -1;
	}

	/** Built only on error: scanning a literal allocates nothing. */
	static String unterminatedQuote(char quote, boolean backslashEscapes, Dialect dialect) {
		if (quote == '`') {
			return "unterminated quoted identifier opened here; close it with ` (write `` for a backtick inside it)";
		}
		if (quote == '"' && dialect != Dialect.MYSQL) {
			return "unterminated quoted identifier opened here; close it with \" (write \"\" for a quote inside it)";
		}
		if (backslashEscapes) {
			return "unterminated string literal opened here; close it with " + quote + " (write " + quote + quote
					+ " or \\" + quote + " for a quote inside it)";
		}
		return "unterminated string literal opened here; close it with ' (write '' for a quote inside it)";
	}

}
