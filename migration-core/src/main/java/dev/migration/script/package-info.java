/**
 * Loading revisions and cutting scripts into statements.
 * <p>
 * {@link dev.migration.script.ScriptLoader} reads every configured location
 * ({@code classpath:db/migration}, {@code filesystem:/path}, a bare path meaning the
 * class path; directories and jars, Spring Boot's nested jars included) into
 * {@link dev.migration.Revision}s: {@code .sql} files with a {@code -- key: value} header
 * ({@code migration}, {@code revision}, {@code revises}, {@code created},
 * {@code branch-labels}, {@code depends-on}, {@code transactional}) followed by a
 * {@code -- +upgrade} and an optional {@code -- +downgrade} section, and classes
 * implementing {@link dev.migration.Migration} annotated with
 * {@link dev.migration.RevisionInfo}. Files are read once, as strict UTF-8; the checksum
 * ({@link dev.migration.script.Checksums}) ignores a byte order mark and line endings.
 * <p>
 * {@link dev.migration.script.SqlSplitter} cuts a section the way each database's own
 * client does, in one pass and without regular expressions:
 * <ul>
 * <li>PostgreSQL as psql: {@code '...'}, {@code E'...'}, {@code "..."}, {@code $$} and
 * {@code $tag$} quotes, nested block comments, no split inside parentheses, and
 * SQL-standard {@code BEGIN ATOMIC ... END} bodies of functions and procedures. psql
 * meta-commands and {@code COPY ... FROM stdin} are refused.</li>
 * <li>MySQL and MariaDB as the mysql client: backslash escapes in both string styles,
 * backtick identifiers, {@code #} and {@code -- } comments, executable
 * {@code /*! ... *}{@code /} comments and {@code DELIMITER} lines; beyond the client,
 * {@code BEGIN ... END} bodies of procedures, functions, triggers and events (and
 * MariaDB's {@code BEGIN NOT ATOMIC}) stay whole without a {@code DELIMITER} line.</li>
 * <li>SQLite as the sqlite3 shell: four quote styles and whole
 * {@code CREATE TRIGGER ... BEGIN ... END} bodies.</li>
 * <li>H2: its quotes, {@code $$} source and {@code //} comments.</li>
 * </ul>
 * Comments stay inside statements (function bodies reach the database untouched), chunks
 * of only whitespace and comments are dropped, and every problem is a
 * {@link dev.migration.ScriptParseException} naming the file and the line where the
 * construct opened.
 */
package dev.migration.script;
