package dev.migration.lint;

/**
 * One lexical unit of a statement.
 *
 * @param kind what it is
 * @param text words and unquoted identifiers in lower case, quoted identifiers and
 * strings without their quotes, symbols as written
 * @param start the offset in the statement
 */
record Token(Kind kind, String text, int start) {

	boolean is(String word) {
		return this.kind == Kind.WORD && this.text.equals(word);
	}

	boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.text.equals(symbol);
	}

	/** A name: a bare word or a quoted identifier. */
	boolean isName() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED;
	}

	enum Kind {

		/** A keyword or unquoted identifier, folded to lower case. */
		WORD,

		/** A {@code "quoted"} or {@code `backtick`} identifier. */
		QUOTED,

		/** A string literal (any quoting style, dollar quotes included). */
		STRING,

		/** A numeric literal. */
		NUMBER,

		/** Punctuation and operators; {@code ::} is one token. */
		SYMBOL

	}

}
