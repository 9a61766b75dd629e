package dev.migration.script;

/**
 * One statement cut from a script.
 *
 * @param sql the statement text without its delimiter
 * @param index 1-based position among the section's statements
 * @param line 1-based line in the file where the statement starts
 */
public record SqlStatement(String sql, int index, int line) {
}
