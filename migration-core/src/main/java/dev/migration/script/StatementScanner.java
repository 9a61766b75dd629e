package dev.migration.script;

import java.util.ArrayList;
import java.util.List;

import dev.migration.ScriptParseException;
import dev.migration.sql.Dialect;

/**
 * One pass over a script, cutting it where the database's own client would (psql, mysql,
 * the sqlite3 shell, H2's RunScript). It never allocates per character: words are
 * compared in place and only statement texts and dollar-quote tags become strings. Block
 * tracking ({@code BEGIN ... END}) lives in {@link BlockTracker}.
 */
final class StatementScanner {

	private final String s;

	private final int n;

	private final Dialect dialect;

	private final int firstLine;

	private final String location;

	private final List<SqlStatement> statements = new ArrayList<>();

	private final BlockTracker blocks;

	private int pos;

	private int countedPos;

	private int countedLines;

	private String delimiter = ";";

	private char delimiterStart = ';';

	private boolean customDelimiter;

	/** Where the current statement's first significant character is, -1 before it. */
	private int start = -1;

	private int startLine;

	private int parenDepth;

	StatementScanner(String script, Dialect dialect, int firstLine, String location) {
		this.s = script;
		this.n = script.length();
		this.dialect = dialect;
		this.firstLine = firstLine;
		this.location = location;
		this.blocks = new BlockTracker(this, script, dialect);
	}

	List<SqlStatement> scan() {
		while (this.pos < this.n) {
			char c = this.s.charAt(this.pos);
			if (c == this.delimiterStart
					&& (this.delimiter.length() == 1 || this.s.startsWith(this.delimiter, this.pos))
					&& atStatementEnd()) {
				endStatement(this.pos);
				this.pos += this.delimiter.length();
				continue;
			}
			switch (c) {
				case ' ', '\t', '\n', '\r', '\f' -> this.pos++;
				case '\'' -> quoted('\'', this.dialect == Dialect.MYSQL);
				case '"' -> quoted('"', this.dialect == Dialect.MYSQL);
				case '`' -> specialOrSymbol(this.dialect == Dialect.MYSQL || this.dialect == Dialect.SQLITE,
						() -> quoted('`', false));
				case '[' -> specialOrSymbol(this.dialect == Dialect.SQLITE, this::bracketIdentifier);
				case '-' -> specialOrSymbol(isLineCommentDashes(), this::skipLine);
				case '#' -> specialOrSymbol(this.dialect == Dialect.MYSQL, this::skipLine);
				case '/' -> slash();
				case '$' -> dollar();
				case '(' -> {
					this.parenDepth++;
					this.blocks.sawParenthesis();
					symbol();
				}
				case ')' -> {
					if (this.parenDepth > 0) {
						this.parenDepth--;
					}
					symbol();
				}
				case '\\' -> backslash();
				default -> {
					if (Chars.isIdentStart(c)) {
						word();
					}
					else if (Chars.isDigit(c)) {
						number();
					}
					else {
						symbol();
					}
				}
			}
		}
		finish();
		return this.statements;
	}

	/** A {@code ;} ends a statement outside parentheses (psql) and bodies. */
	private boolean atStatementEnd() {
		if (this.customDelimiter) {
			return true;
		}
		if (this.dialect == Dialect.POSTGRESQL && this.parenDepth > 0) {
			return false;
		}
		return this.blocks.depth() == 0;
	}

	private void finish() {
		if (this.start < 0) {
			return;
		}
		if (this.blocks.depth() > 0 && !this.customDelimiter) {
			throw error(this.blocks.openedAt(),
					"BEGIN ... END block opened here is never closed; add the missing END"
							+ ((this.dialect == Dialect.MYSQL)
									? " (or END IF / END CASE / END LOOP / END WHILE / END REPEAT)" : ""));
		}
		endStatement(this.n);
	}

	private void endStatement(int end) {
		if (this.start >= 0) {
			int last = end;
			while (last > this.start && Chars.isBlank(this.s.charAt(last - 1))) {
				last--;
			}
			this.statements
				.add(new SqlStatement(this.s.substring(this.start, last), this.statements.size() + 1, this.startLine));
		}
		this.start = -1;
		this.parenDepth = 0;
		this.blocks.reset();
	}

	/** Marks {@code at} as significant: the statement starts there if it has not yet. */
	private void mark(int at) {
		if (this.start < 0) {
			this.start = at;
			this.startLine = line(at);
		}
	}

	/**
	 * A character that starts something of its own (a quoted identifier, a comment) where
	 * {@code special} holds, and is an ordinary symbol otherwise.
	 */
	private void specialOrSymbol(boolean special, Runnable scan) {
		if (special) {
			scan.run();
		}
		else {
			symbol();
		}
	}

	private void symbol() {
		mark(this.pos);
		this.pos++;
	}

	private void number() {
		mark(this.pos);
		int p = this.pos + 1;
		while (p < this.n && (Chars.isTagPart(this.s.charAt(p)) || this.s.charAt(p) == '.') && !delimiterAt(p)) {
			p++;
		}
		this.pos = p;
	}

	/** A custom delimiter ends a statement even inside a word, as in {@code END$$}. */
	private boolean delimiterAt(int at) {
		return this.customDelimiter && this.s.charAt(at) == this.delimiterStart
				&& this.s.startsWith(this.delimiter, at);
	}

	private void word() {
		int wordStart = this.pos;
		int wordEnd = wordStart + 1;
		while (wordEnd < this.n && Chars.isIdentPart(this.s.charAt(wordEnd)) && !delimiterAt(wordEnd)) {
			wordEnd++;
		}
		if (this.start < 0 && Chars.is(this.s, wordStart, wordEnd, "delimiter") && delimiterCommand(wordEnd)) {
			return;
		}
		if (this.start >= 0 && Chars.is(this.s, wordStart, wordEnd, "delimiter") && atLineStart(wordStart)
				&& wordEnd < this.n && (this.s.charAt(wordEnd) == ' ' || this.s.charAt(wordEnd) == '\t')
				&& this.dialect == Dialect.MYSQL) {
			throw error(wordStart, "DELIMITER inside an unfinished statement (started on line " + this.startLine
					+ "); end that statement with " + this.delimiter + " first");
		}
		mark(wordStart);
		if (this.dialect == Dialect.POSTGRESQL && wordEnd - wordStart == 1 && (this.s.charAt(wordStart) | 0x20) == 'e'
				&& wordEnd < this.n && this.s.charAt(wordEnd) == '\'') {
			int end = Lexemes.quotedEnd(this.s, wordEnd, '\'', true);
			if (end < 0) {
				throw error(wordStart, "unterminated escape string E' opened here; close it with ' "
						+ "(write \\' or '' for a quote inside it)");
			}
			this.pos = end;
			return;
		}
		this.pos = this.blocks.word(wordStart, wordEnd, this.parenDepth);
	}

	/**
	 * {@code DELIMITER x} at a statement boundary: the mysql client's command. Other
	 * dialects reject it rather than send it to the database.
	 */
	private boolean delimiterCommand(int wordEnd) {
		if (wordEnd < this.n && !Chars.isBlank(this.s.charAt(wordEnd))) {
			return false;
		}
		int lineEnd = this.s.indexOf('\n', wordEnd);
		lineEnd = (lineEnd < 0) ? this.n : lineEnd;
		String argument = this.s.substring(wordEnd, lineEnd).strip();
		int at = wordEnd - "delimiter".length();
		if (this.dialect != Dialect.MYSQL) {
			throw error(at, "DELIMITER is a mysql client command that " + this.dialect
					+ " does not understand; remove the line (statements end with ; and bodies are kept whole)");
		}
		if (argument.isEmpty()) {
			throw error(at, "DELIMITER needs a delimiter; write e.g. DELIMITER $$ (and DELIMITER ; to switch back)");
		}
		for (int i = 0; i < argument.length(); i++) {
			char c = argument.charAt(i);
			if (c == '\'' || c == '"' || c == '`' || c == '\\' || Chars.isBlank(c)) {
				throw error(at, "DELIMITER '" + argument + "' must not contain quotes, backslashes or spaces; use "
						+ "e.g. DELIMITER $$ or DELIMITER //");
			}
		}
		this.delimiter = argument;
		this.delimiterStart = argument.charAt(0);
		this.customDelimiter = !argument.equals(";");
		this.pos = lineEnd;
		return true;
	}

	private boolean atLineStart(int at) {
		int p = at - 1;
		while (p >= 0 && (this.s.charAt(p) == ' ' || this.s.charAt(p) == '\t')) {
			p--;
		}
		return p < 0 || this.s.charAt(p) == '\n';
	}

	private void quoted(char quote, boolean backslashEscapes) {
		mark(this.pos);
		int end = Lexemes.quotedEnd(this.s, this.pos, quote, backslashEscapes);
		if (end < 0) {
			throw error(this.pos, Lexemes.unterminatedQuote(quote, backslashEscapes, this.dialect));
		}
		this.pos = end;
	}

	private void bracketIdentifier() {
		mark(this.pos);
		int close = this.s.indexOf(']', this.pos + 1);
		if (close < 0) {
			throw error(this.pos, "unterminated quoted identifier [ opened here; close it with ]");
		}
		this.pos = close + 1;
	}

	/** {@code --} comments; MySQL needs whitespace after the dashes. */
	private boolean isLineCommentDashes() {
		if (this.pos + 1 >= this.n || this.s.charAt(this.pos + 1) != '-') {
			return false;
		}
		if (this.dialect != Dialect.MYSQL) {
			return true;
		}
		return this.pos + 2 >= this.n || this.s.charAt(this.pos + 2) <= ' ';
	}

	private void skipLine() {
		int newline = this.s.indexOf('\n', this.pos);
		this.pos = (newline < 0) ? this.n : newline + 1;
	}

	private void slash() {
		char next = (this.pos + 1 < this.n) ? this.s.charAt(this.pos + 1) : 0;
		if (next == '*') {
			blockComment();
		}
		else if (next == '/' && this.dialect == Dialect.H2) {
			skipLine();
		}
		else {
			symbol();
		}
	}

	private void blockComment() {
		int opened = this.pos;
		if (this.dialect == Dialect.MYSQL && this.pos + 2 < this.n
				&& (this.s.charAt(this.pos + 2) == '!' || this.s.startsWith("M!", this.pos + 2))) {
			// executable comments (/*!50001 ... */) are code to MySQL and MariaDB
			mark(this.pos);
		}
		boolean nested = this.dialect == Dialect.POSTGRESQL;
		int end = Lexemes.blockCommentEnd(this.s, opened, nested);
		if (end >= 0) {
			this.pos = end;
			return;
		}
		if (!nested) {
			throw error(opened, "unterminated block comment opened here; close it with */");
		}
		throw error(opened, "unterminated block comment opened here; close it with */ (comments nest in PostgreSQL: "
				+ "every /* needs its own */)");
	}

	private void dollar() {
		if (this.dialect != Dialect.POSTGRESQL && this.dialect != Dialect.H2) {
			symbol();
			return;
		}
		int tagEnd = Lexemes.dollarTagEnd(this.s, this.pos, this.dialect == Dialect.POSTGRESQL);
		if (tagEnd < 0) {
			// a positional parameter ($1) or a lone dollar
			symbol();
			return;
		}
		mark(this.pos);
		String tag = this.s.substring(this.pos, tagEnd);
		int close = this.s.indexOf(tag, tagEnd);
		if (close < 0) {
			throw error(this.pos, "unterminated dollar-quoted string " + tag + " opened here; close it with " + tag);
		}
		this.pos = close + tag.length();
	}

	private void backslash() {
		if (this.dialect == Dialect.POSTGRESQL && atLineStart(this.pos)) {
			int end = this.pos + 1;
			while (end < this.n && !Chars.isBlank(this.s.charAt(end))) {
				end++;
			}
			throw error(this.pos, "psql meta-command " + this.s.substring(this.pos, end) + " is not supported: "
					+ "scripts run through JDBC, not psql; write plain SQL instead");
		}
		symbol();
	}

	/** The file line of a position; positions asked for mostly grow, so count on. */
	int line(int at) {
		if (at < this.countedPos) {
			this.countedPos = 0;
			this.countedLines = 0;
		}
		int p = this.countedPos;
		while (true) {
			int newline = this.s.indexOf('\n', p);
			if (newline < 0 || newline >= at) {
				break;
			}
			this.countedLines++;
			p = newline + 1;
		}
		this.countedPos = p;
		return this.firstLine + this.countedLines;
	}

	/** Where the current statement started (for messages about it). */
	int statementStart() {
		return this.start;
	}

	ScriptParseException error(int at, String problem) {
		return new ScriptParseException(this.location, line(at), problem);
	}

}
