package dev.migration.script;

import dev.migration.sql.Dialect;

/**
 * Follows the words of the current statement to know when a {@code ;} is inside a body
 * and must not end it.
 * <ul>
 * <li>PostgreSQL: psql's own heuristic. In {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}
 * a {@code BEGIN} outside parentheses opens a SQL-standard body ({@code BEGIN ATOMIC}),
 * {@code CASE} nests inside it and {@code END} closes.</li>
 * <li>MySQL/MariaDB: in {@code CREATE ... PROCEDURE|FUNCTION|TRIGGER|EVENT} (and
 * MariaDB's {@code BEGIN NOT ATOMIC}) {@code BEGIN} and {@code CASE} open, {@code END}
 * closes and {@code END IF|LOOP|WHILE|REPEAT|FOR} close constructs whose openings are not
 * counted, so a body is whole even without a {@code DELIMITER} line.</li>
 * <li>SQLite: the same inside {@code CREATE [TEMP] TRIGGER}, as sqlite3 does.</li>
 * </ul>
 * Also refuses PostgreSQL's {@code COPY ... FROM stdin}, which needs psql to stream data.
 */
final class BlockTracker {

	/** Words after CREATE that may name the routine kind (DEFINER = ..., OR REPLACE). */
	private static final int KIND_WINDOW = 12;

	private final StatementScanner scanner;

	private final String s;

	private final Dialect dialect;

	private int words;

	private int depth;

	private int openedAt;

	private boolean create;

	private boolean routine;

	private boolean parenSeen;

	private boolean copy;

	private boolean afterFrom;

	/**
	 * psql's record of the first four words: c(reate), o(r), r(eplace), f(unction), p.
	 */
	private final char[] leading = new char[4];

	BlockTracker(StatementScanner scanner, String script, Dialect dialect) {
		this.scanner = scanner;
		this.s = script;
		this.dialect = dialect;
	}

	int depth() {
		return this.depth;
	}

	int openedAt() {
		return this.openedAt;
	}

	void reset() {
		this.words = 0;
		this.depth = 0;
		this.create = false;
		this.routine = false;
		this.parenSeen = false;
		this.copy = false;
		this.afterFrom = false;
		this.leading[0] = 0;
		this.leading[1] = 0;
		this.leading[2] = 0;
		this.leading[3] = 0;
	}

	void sawParenthesis() {
		this.parenSeen = true;
	}

	/**
	 * Takes a word of the statement.
	 * @return where scanning continues (after the word, or after a word it consumed)
	 */
	int word(int start, int end, int parenDepth) {
		int index = this.words++;
		return switch (this.dialect) {
			case POSTGRESQL -> postgresql(start, end, index, parenDepth);
			case MYSQL, SQLITE -> routine(start, end, index);
			default -> end;
		};
	}

	private int postgresql(int start, int end, int index, int parenDepth) {
		if (index < 4) {
			this.leading[index] = (is(start, end, "create") || is(start, end, "function") || is(start, end, "procedure")
					|| is(start, end, "or") || is(start, end, "replace")) ? (char) (this.s.charAt(start) | 0x20) : 0;
		}
		if (index == 0) {
			this.copy = is(start, end, "copy");
		}
		else if (this.copy) {
			if (this.afterFrom && is(start, end, "stdin")) {
				throw this.scanner.error(this.scanner.statementStart(),
						"COPY ... FROM stdin is not supported: there is no psql to stream the data; use INSERT "
								+ "statements, or COPY from a file on the database server");
			}
			this.afterFrom = is(start, end, "from");
		}
		char[] w = this.leading;
		boolean routineHeader = w[0] == 'c'
				&& (w[1] == 'f' || w[1] == 'p' || (w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p')));
		if (routineHeader && parenDepth == 0) {
			if (is(start, end, "begin")) {
				open(start);
			}
			else if (is(start, end, "case")) {
				if (this.depth >= 1) {
					this.depth++;
				}
			}
			else if (is(start, end, "end") && this.depth > 0) {
				this.depth--;
			}
		}
		return end;
	}

	private int routine(int start, int end, int index) {
		if (index == 0) {
			this.create = is(start, end, "create");
			if (this.dialect == Dialect.MYSQL && is(start, end, "begin")) {
				int notStart = skipBlank(end);
				int notEnd = wordEnd(notStart);
				int atomicStart = skipBlank(notEnd);
				int atomicEnd = wordEnd(atomicStart);
				if (is(notStart, notEnd, "not") && is(atomicStart, atomicEnd, "atomic")) {
					this.routine = true;
					open(start);
					return atomicEnd;
				}
			}
			return end;
		}
		if (!this.routine) {
			if (this.create && !this.parenSeen && index < KIND_WINDOW) {
				if (isRoutineKind(start, end)) {
					this.routine = true;
				}
				else if (isOtherKind(start, end)) {
					// CREATE TABLE event (begin INT): a name, not a routine
					this.create = false;
				}
			}
			return end;
		}
		if (is(start, end, "begin")) {
			open(start);
		}
		else if (is(start, end, "case")) {
			if (this.depth >= 1) {
				this.depth++;
			}
		}
		else if (is(start, end, "end")) {
			return end(end);
		}
		return end;
	}

	private boolean isRoutineKind(int start, int end) {
		if (this.dialect == Dialect.SQLITE) {
			return is(start, end, "trigger");
		}
		return is(start, end, "procedure") || is(start, end, "function") || is(start, end, "trigger")
				|| is(start, end, "event");
	}

	private boolean isOtherKind(int start, int end) {
		return is(start, end, "table") || is(start, end, "view") || is(start, end, "index")
				|| is(start, end, "database") || is(start, end, "schema") || is(start, end, "sequence")
				|| is(start, end, "user") || is(start, end, "role") || is(start, end, "server");
	}

	private void open(int at) {
		if (this.depth++ == 0) {
			this.openedAt = at;
		}
	}

	/**
	 * {@code END}, {@code END CASE}, {@code END label} close; END IF and friends do not.
	 */
	private int end(int end) {
		int nextStart = skipBlank(end);
		int nextEnd = wordEnd(nextStart);
		if (is(nextStart, nextEnd, "if") || is(nextStart, nextEnd, "loop") || is(nextStart, nextEnd, "while")
				|| is(nextStart, nextEnd, "repeat") || is(nextStart, nextEnd, "for")) {
			return nextEnd;
		}
		if (this.depth > 0) {
			this.depth--;
		}
		return is(nextStart, nextEnd, "case") ? nextEnd : end;
	}

	private int skipBlank(int from) {
		int p = from;
		while (p < this.s.length() && Chars.isBlank(this.s.charAt(p))) {
			p++;
		}
		return p;
	}

	private int wordEnd(int from) {
		int p = from;
		if (p < this.s.length() && Chars.isIdentStart(this.s.charAt(p))) {
			p++;
			while (p < this.s.length() && Chars.isIdentPart(this.s.charAt(p))) {
				p++;
			}
		}
		return p;
	}

	private boolean is(int start, int end, String keyword) {
		return Chars.is(this.s, start, end, keyword);
	}

}
