package dev.migration.autoconfigure.aot.scanned;

/** A helper next to the revisions: no hints for it. */
public final class NotARevision {

	private NotARevision() {
	}

}
