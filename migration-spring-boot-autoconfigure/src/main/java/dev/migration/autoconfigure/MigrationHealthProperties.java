package dev.migration.autoconfigure;

/**
 * {@code migration.health.*}: settings of the 'migrations' health contributor.
 */
public class MigrationHealthProperties {

	/**
	 * Health status while the database is ahead of the target, e.g. migrated by a newer
	 * build during a rolling deploy (details list the revisions under 'ahead').
	 */
	private AheadStatus aheadStatus = AheadStatus.UP;

	public AheadStatus getAheadStatus() {
		return this.aheadStatus;
	}

	public void setAheadStatus(AheadStatus aheadStatus) {
		this.aheadStatus = aheadStatus;
	}

	/** The health status reported while the database is ahead of the target. */
	public enum AheadStatus {

		/** Healthy: an older build runs on a newer schema, as in a rolling deploy. */
		UP,

		/** Out of service: take the instance out of load balancing. */
		OUT_OF_SERVICE,

		/** Down. */
		DOWN

	}

}
