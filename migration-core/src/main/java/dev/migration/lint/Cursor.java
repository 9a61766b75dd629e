package dev.migration.lint;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A position in a token list with the few look-ahead helpers the statement parser needs.
 */
final class Cursor {

	private final List<Token> tokens;

	private int at;

	Cursor(List<Token> tokens) {
		this.tokens = tokens;
	}

	int position() {
		return this.at;
	}

	/** The tokens from here on. */
	List<Token> rest() {
		return this.tokens.subList(Math.min(this.at, this.tokens.size()), this.tokens.size());
	}

	boolean atEnd() {
		return this.at >= this.tokens.size();
	}

	@Nullable Token peek() {
		return peek(0);
	}

	@Nullable Token peek(int ahead) {
		int p = this.at + ahead;
		return (p < this.tokens.size()) ? this.tokens.get(p) : null;
	}

	Token next() {
		return this.tokens.get(this.at++);
	}

	/** Whether the next tokens are these words (or symbols), in order. */
	boolean is(String... words) {
		for (int i = 0; i < words.length; i++) {
			Token token = peek(i);
			if (token == null || !matches(token, words[i])) {
				return false;
			}
		}
		return true;
	}

	/** Consume the words if they come next. */
	boolean accept(String... words) {
		if (is(words)) {
			this.at += words.length;
			return true;
		}
		return false;
	}

	private static boolean matches(Token token, String word) {
		return (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.SYMBOL) && token.text().equals(word);
	}

	/**
	 * A possibly qualified name ({@code schema.table}): its last part, lower case unless
	 * quoted; {@code null} when no name comes next.
	 */
	@Nullable String name() {
		Token token = peek();
		if (token == null || !token.isName()) {
			return null;
		}
		String name = next().text();
		while (is(".") && peek(1) != null && peek(1).isName()) {
			this.at++;
			name = next().text();
		}
		return name;
	}

	/** Skip a balanced parenthesised group if one comes next; answers its tokens. */
	List<Token> group() {
		if (!is("(")) {
			return List.of();
		}
		int depth = 0;
		int start = this.at + 1;
		while (!atEnd()) {
			Token token = next();
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")")) {
				depth--;
				if (depth == 0) {
					return this.tokens.subList(start, this.at - 1);
				}
			}
		}
		return this.tokens.subList(start, this.tokens.size());
	}

	/** The rest of the tokens, cut at top-level commas. */
	List<List<Token>> commaSeparated() {
		return split(this.tokens.subList(this.at, this.tokens.size()));
	}

	/** Cut tokens at commas outside parentheses. */
	static List<List<Token>> split(List<Token> tokens) {
		List<List<Token>> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isSymbol("(") || token.isSymbol("[")) {
				depth++;
			}
			else if (token.isSymbol(")") || token.isSymbol("]")) {
				depth--;
			}
			else if (depth == 0 && token.isSymbol(",")) {
				parts.add(tokens.subList(start, i));
				start = i + 1;
			}
		}
		if (start < tokens.size()) {
			parts.add(tokens.subList(start, tokens.size()));
		}
		return parts;
	}

	/** Whether the word occurs at the top level (outside parentheses) of the tokens. */
	static boolean containsWord(List<Token> tokens, String word) {
		return indexOfWords(tokens, 0, word) >= 0;
	}

	/** The index of a top-level run of words at or after {@code from}, or -1. */
	static int indexOfWords(List<Token> tokens, int from, String... words) {
		int depth = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")")) {
				depth--;
			}
			else if (depth == 0 && i >= from && i + words.length <= tokens.size()) {
				boolean all = true;
				for (int w = 0; w < words.length && all; w++) {
					all = matches(tokens.get(i + w), words[w]);
				}
				if (all) {
					return i;
				}
			}
		}
		return -1;
	}

}
