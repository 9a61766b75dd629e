package dev.migration.sample;

import java.time.Instant;

/**
 * One row of a note's audit trail.
 *
 * @param noteId the note
 * @param changeType {@code created}, {@code archived} or {@code deleted}
 * @param happenedAt when
 */
public record AuditEntry(String noteId, String changeType, Instant happenedAt) {

}
