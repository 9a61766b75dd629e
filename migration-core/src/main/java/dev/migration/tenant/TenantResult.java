package dev.migration.tenant;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one schema's run did.
 *
 * @param schema the schema
 * @param succeeded whether the run finished
 * @param applied revisions applied (or reverted, or stamped)
 * @param heads the schema's version table after the run (before it, on failure, as far as
 * known)
 * @param error the failure's message, {@code null} on success
 * @param duration how long the schema's run took
 */
public record TenantResult(String schema, boolean succeeded, int applied, List<String> heads, @Nullable String error,
		Duration duration) {

	public TenantResult {
		heads = List.copyOf(heads);
	}

}
