package dev.migration.lint;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.Revision;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * Lints one revision's upgrade statements in order, with the schema state the revisions
 * before it left. Holds what a rule needs to know about the revision so far: timeouts
 * set, {@code NOT VALID} constraints added, {@code foreign_key_checks} turned off.
 */
final class RevisionLinter {

	final Dialect dialect;

	final ServerVersion server;

	final Schema schema;

	final boolean transactional;

	/** Constraints added {@code NOT VALID} in this revision. */
	final Set<String> notValid = new HashSet<>();

	boolean lockTimeout;

	boolean statementTimeout;

	boolean lockTimeoutReported;

	boolean statementTimeoutReported;

	boolean foreignKeyChecksOff;

	private final LintConfig config;

	private final Revision revision;

	private final Findings findings;

	private final Suppressions suppressions = new Suppressions();

	private @Nullable SqlStatement statement;

	RevisionLinter(LintConfig config, Dialect dialect, ServerVersion server, Revision revision, Schema schema,
			Findings findings) {
		this.config = config;
		this.dialect = dialect;
		this.server = server;
		this.revision = revision;
		this.schema = schema;
		this.findings = findings;
		this.transactional = revision.transactional() && dialect.supportsTransactionalDdl();
	}

	/**
	 * Lint (or, with {@code report} false, only learn from) the statements.
	 * @param script the section's text, where the gaps between statements are read for
	 * {@code lint:ignore}
	 */
	void run(String script, List<SqlStatement> statements, boolean report) {
		int cursor = 0;
		for (SqlStatement each : statements) {
			Tokenizer tokenizer = Tokenizer.tokenize(each.sql(), this.dialect);
			Parsed parsed = StatementParser.parse(tokenizer.tokens());
			if (report) {
				this.statement = each;
				this.suppressions.clear();
				int start = script.indexOf(each.sql(), cursor);
				if (start >= 0) {
					String gap = script.substring(cursor, start);
					if (gap.contains(Suppressions.MARKER)) {
						this.suppressions.read(gap);
					}
					cursor = start + each.sql().length();
				}
				this.suppressions.readAll(tokenizer.comments());
				check(parsed);
			}
			this.schema.apply(parsed);
		}
	}

	private void check(Parsed statement) {
		if (statement.kind() == Parsed.Kind.TRANSACTION) {
			report(LintRule.TRANSACTION_NESTING, "'" + statement.names().get(0).toUpperCase(Locale.ROOT)
					+ "' inside a revision ends or nests the transaction the engine manages");
		}
		if (statement.kind() == Parsed.Kind.DROP_DATABASE) {
			report(LintRule.BAN_DROP_DATABASE, "drops a whole database or schema");
		}
		if (statement.kind() == Parsed.Kind.DROP_TABLE) {
			for (String table : statement.names()) {
				if (!this.schema.isFresh(table)) {
					report(LintRule.BAN_DROP_TABLE,
							"drops table '" + table + "', which code still running during the deploy may use");
				}
			}
		}
		if (statement.kind() == Parsed.Kind.RENAME_TABLE && !this.schema.isFresh(statement.table())) {
			report(LintRule.RENAMING_TABLE,
					"renames table '" + statement.table() + "', which breaks code still using the old name");
		}
		if (statement.kind() == Parsed.Kind.ALTER_TABLE && !this.schema.isFresh(statement.table())) {
			for (Action action : statement.actions()) {
				common(statement, action);
			}
		}
		if (this.dialect == Dialect.POSTGRESQL) {
			PostgresRules.check(statement, this);
		}
		else if (this.dialect == Dialect.MYSQL) {
			MysqlRules.check(statement, this);
		}
		Robustness.check(statement, this);
	}

	private void common(Parsed statement, Action action) {
		String table = statement.table();
		switch (action.kind()) {
			case DROP_COLUMN -> report(LintRule.BAN_DROP_COLUMN, "drops column '" + table + "." + action.column()
					+ "', which code still running during the deploy may read or write");
			case RENAME_COLUMN -> report(LintRule.RENAMING_COLUMN, "renames column '" + table + "." + action.column()
					+ "' to '" + action.name() + "', which breaks code still using the old name");
			case RENAME_TABLE -> report(LintRule.RENAMING_TABLE, "renames table '" + table + "' to '" + action.name()
					+ "', which breaks code still using the old name");
			case MODIFY_COLUMN -> {
				if (action.name() != null && !action.name().equals(action.column())) {
					report(LintRule.RENAMING_COLUMN, "renames column '" + table + "." + action.column() + "' to '"
							+ action.name() + "', which breaks code still using the old name");
				}
			}
			default -> {
			}
		}
	}

	/**
	 * Whether the statement's table is fresh (created by a revision no database has yet).
	 */
	boolean fresh(Parsed statement) {
		return this.schema.isFresh(statement.table());
	}

	void report(LintRule rule, String message) {
		Severity severity = this.config.severity(rule);
		if (severity == null || this.statement == null) {
			return;
		}
		String reason = this.suppressions.reason(rule);
		String text = message;
		if (reason == null && this.suppressions.missingReason(rule)) {
			text = message + " (the lint:ignore comment for it gives no reason, so it does not count)";
		}
		this.findings.add(new LintFinding(rule, severity, this.revision.id(), this.revision.location(),
				this.statement.line(), excerpt(this.statement.sql()), text, reason));
	}

	private static String excerpt(String sql) {
		int newline = sql.indexOf('\n');
		String first = ((newline < 0) ? sql : sql.substring(0, newline)).strip();
		return (first.length() > 100) ? first.substring(0, 97) + "..." : first;
	}

}
