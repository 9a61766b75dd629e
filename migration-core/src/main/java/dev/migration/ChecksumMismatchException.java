package dev.migration;

/**
 * An applied script was edited after it ran: what is in the database no longer matches
 * the file. The mismatch concerns the whole file: {@link #getLine()} is {@code 0}.
 */
public class ChecksumMismatchException extends LocatedException {

	private final String revision;

	private final String appliedChecksum;

	private final String currentChecksum;

	public ChecksumMismatchException(String revision, String location, String appliedChecksum, String currentChecksum) {
		super("Revision " + revision + " (" + location + ") was edited after it was applied: applied checksum "
				+ appliedChecksum + ", script checksum now " + currentChecksum + ". Revert the edit, or put the "
				+ "change in a new revision; if the edit is intended, run 'repair' to record the new checksum; or set migration.validate-checksums=false to skip this check",
				location, 0, null);
		this.revision = revision;
		this.appliedChecksum = appliedChecksum;
		this.currentChecksum = currentChecksum;
	}

	public String getRevision() {
		return this.revision;
	}

	public String getAppliedChecksum() {
		return this.appliedChecksum;
	}

	public String getCurrentChecksum() {
		return this.currentChecksum;
	}

}
