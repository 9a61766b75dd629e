package dev.migration.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.sql.Dialect;

/**
 * Cuts one statement (already split by {@link dev.migration.script.SqlSplitter}) into
 * tokens. Comments are not tokens: their text is collected for {@code lint:ignore}. The
 * splitter has already refused unterminated quotes, so an unterminated one here simply
 * runs to the end.
 */
final class Tokenizer {

	private final String s;

	private final boolean mysql;

	private final List<Token> tokens = new ArrayList<>();

	private final List<String> comments = new ArrayList<>();

	private int pos;

	private Tokenizer(String s, Dialect dialect) {
		this.s = s;
		this.mysql = dialect == Dialect.MYSQL;
	}

	static Tokenizer tokenize(String sql, Dialect dialect) {
		Tokenizer tokenizer = new Tokenizer(sql, dialect);
		tokenizer.run();
		return tokenizer;
	}

	List<Token> tokens() {
		return this.tokens;
	}

	List<String> comments() {
		return this.comments;
	}

	private void run() {
		int n = this.s.length();
		while (this.pos < n) {
			char c = this.s.charAt(this.pos);
			if (Character.isWhitespace(c)) {
				this.pos++;
			}
			else if (c == '-' && at(1) == '-') {
				lineComment(this.pos + 2);
			}
			else if (c == '#' && this.mysql) {
				lineComment(this.pos + 1);
			}
			else if (c == '/' && at(1) == '*' && !(this.mysql && at(2) == '!')) {
				int end = this.s.indexOf("*/", this.pos + 2);
				end = (end < 0) ? n : end;
				this.comments.add(this.s.substring(this.pos + 2, end));
				this.pos = Math.min(n, end + 2);
			}
			else if (c == '/' && at(1) == '*') {
				// MySQL executable comment: its content is SQL
				skipVersionPrefix();
			}
			else if (c == '*' && at(1) == '/' && this.mysql) {
				this.pos += 2;
			}
			else if (c == '\'') {
				quoted(Token.Kind.STRING, '\'', this.mysql);
			}
			else if (c == '"') {
				quoted(this.mysql ? Token.Kind.STRING : Token.Kind.QUOTED, '"', this.mysql);
			}
			else if (c == '`' && this.mysql) {
				quoted(Token.Kind.QUOTED, '`', false);
			}
			else if (c == '$' && !this.mysql && dollarQuote()) {
				// consumed
			}
			else if ((c == 'e' || c == 'E') && at(1) == '\'' && !this.mysql) {
				this.pos++;
				quoted(Token.Kind.STRING, '\'', true);
			}
			else if (Character.isLetter(c) || c == '_') {
				int start = this.pos;
				while (this.pos < n && (Character.isLetterOrDigit(this.s.charAt(this.pos))
						|| this.s.charAt(this.pos) == '_' || this.s.charAt(this.pos) == '$')) {
					this.pos++;
				}
				this.tokens
					.add(new Token(Token.Kind.WORD, this.s.substring(start, this.pos).toLowerCase(Locale.ROOT), start));
			}
			else if (Character.isDigit(c)) {
				int start = this.pos;
				while (this.pos < n
						&& (Character.isLetterOrDigit(this.s.charAt(this.pos)) || this.s.charAt(this.pos) == '.')) {
					this.pos++;
				}
				this.tokens.add(new Token(Token.Kind.NUMBER, this.s.substring(start, this.pos), start));
			}
			else if (c == ':' && at(1) == ':') {
				this.tokens.add(new Token(Token.Kind.SYMBOL, "::", this.pos));
				this.pos += 2;
			}
			else {
				this.tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), this.pos));
				this.pos++;
			}
		}
	}

	private char at(int offset) {
		int p = this.pos + offset;
		return (p < this.s.length()) ? this.s.charAt(p) : '\0';
	}

	private void lineComment(int textStart) {
		int end = this.s.indexOf('\n', textStart);
		end = (end < 0) ? this.s.length() : end;
		this.comments.add(this.s.substring(textStart, end));
		this.pos = end;
	}

	private void skipVersionPrefix() {
		this.pos += 3;
		while (this.pos < this.s.length() && Character.isDigit(this.s.charAt(this.pos))) {
			this.pos++;
		}
	}

	private void quoted(Token.Kind kind, char quote, boolean backslashEscapes) {
		int start = this.pos;
		int n = this.s.length();
		StringBuilder text = new StringBuilder();
		int p = this.pos + 1;
		while (p < n) {
			char c = this.s.charAt(p);
			if (c == '\\' && backslashEscapes && p + 1 < n) {
				text.append(this.s.charAt(p + 1));
				p += 2;
			}
			else if (c == quote) {
				if (p + 1 < n && this.s.charAt(p + 1) == quote) {
					text.append(quote);
					p += 2;
				}
				else {
					p++;
					break;
				}
			}
			else {
				text.append(c);
				p++;
			}
		}
		this.pos = p;
		String value = text.toString();
		this.tokens.add(new Token(kind, value, start));
	}

	private boolean dollarQuote() {
		int p = this.pos + 1;
		while (p < this.s.length() && (Character.isLetterOrDigit(this.s.charAt(p)) || this.s.charAt(p) == '_')) {
			p++;
		}
		if (p >= this.s.length() || this.s.charAt(p) != '$') {
			return false;
		}
		String tag = this.s.substring(this.pos, p + 1);
		int end = this.s.indexOf(tag, p + 1);
		int stop = (end < 0) ? this.s.length() : end;
		this.tokens.add(new Token(Token.Kind.STRING, this.s.substring(p + 1, stop), this.pos));
		this.pos = (end < 0) ? this.s.length() : end + tag.length();
		return true;
	}

}
