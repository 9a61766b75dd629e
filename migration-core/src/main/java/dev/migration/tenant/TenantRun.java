package dev.migration.tenant;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a multi-schema run, one {@link TenantResult} per schema in the order the
 * schemas were given.
 *
 * @param tenants per schema
 * @param duration the whole run
 * @param peakConnections the most connections the run had open at once
 */
public record TenantRun(List<TenantResult> tenants, Duration duration, int peakConnections) {

	public TenantRun {
		tenants = List.copyOf(tenants);
	}

	/** The schemas whose run failed. */
	public List<TenantResult> failed() {
		return this.tenants.stream().filter((tenant) -> !tenant.succeeded()).toList();
	}

	public boolean succeeded() {
		return failed().isEmpty();
	}

	/**
	 * One line for logs and exceptions, e.g.
	 * {@code 500 schemas: 498 migrated, 2 failed (t17, t230)}.
	 */
	public String summary() {
		List<TenantResult> failed = failed();
		String names = String.join(", ", failed.stream().limit(10).map(TenantResult::schema).toList())
				+ ((failed.size() > 10) ? ", ..." : "");
		return this.tenants.size() + " schemas: " + (this.tenants.size() - failed.size()) + " migrated, "
				+ failed.size() + " failed" + (failed.isEmpty() ? "" : " (" + names + ")");
	}

}
