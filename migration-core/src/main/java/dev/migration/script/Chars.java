package dev.migration.script;

/**
 * Character classes and allocation-free keyword comparison for the statement scanner.
 */
final class Chars {

	private static final boolean[] IDENT_START = new boolean[128];

	private static final boolean[] IDENT_PART = new boolean[128];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			IDENT_START[c] = true;
			IDENT_START[Character.toUpperCase(c)] = true;
		}
		IDENT_START['_'] = true;
		System.arraycopy(IDENT_START, 0, IDENT_PART, 0, 128);
		for (char c = '0'; c <= '9'; c++) {
			IDENT_PART[c] = true;
		}
	}

	private Chars() {
	}

	/** Letters, {@code _} and every non-ASCII character, as PostgreSQL and MySQL lex. */
	static boolean isIdentStart(char c) {
		return (c < 128) ? IDENT_START[c] : true;
	}

	/** Identifier characters including {@code $}. */
	static boolean isIdentPart(char c) {
		return (c < 128) ? (IDENT_PART[c] || c == '$') : true;
	}

	/** Identifier characters without {@code $}: what a dollar-quote tag may contain. */
	static boolean isTagPart(char c) {
		return (c < 128) ? IDENT_PART[c] : true;
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}

	/**
	 * Whether {@code s[start, end)} equals the lower-case ASCII {@code keyword}, ignoring
	 * case.
	 */
	static boolean is(String s, int start, int end, String keyword) {
		int length = keyword.length();
		if (end - start != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if ((s.charAt(start + i) | 0x20) != keyword.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
