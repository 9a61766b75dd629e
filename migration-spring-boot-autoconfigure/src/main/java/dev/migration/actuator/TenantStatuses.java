package dev.migration.actuator;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import dev.migration.MigrationStatus;
import dev.migration.autoconfigure.TenantMigrationInitializer;
import dev.migration.command.Migrator;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRead;

/**
 * The schemas a migrator migrates when tenants are configured ({@code migration.schemas},
 * {@code schemas-query} or a {@code MigrationTargets} bean), and their status. In tenant
 * mode the migrator's own default schema is not migrated, so the endpoint, health and
 * metrics report the tenant schemas instead of it.
 */
final class TenantStatuses {

	/** A schema whose status could not be read (missing, no access). */
	static final String FAILED = "FAILED";

	private TenantStatuses() {
	}

	/**
	 * The multi-schema migrator of each tenant-mode migrator of one context.
	 * @param context the context (ancestors excluded)
	 * @return migrator to its tenants, by identity
	 */
	static Map<Migrator, TenantMigrator> of(ApplicationContext context) {
		Map<Migrator, TenantMigrator> tenants = new IdentityHashMap<>();
		context.getBeansOfType(TenantMigrationInitializer.class, false, false)
			.values()
			.forEach((initializer) -> tenants.put(initializer.getMigrator(), initializer.getTenants()));
		return tenants;
	}

	/**
	 * Every schema's status against the target.
	 * @param tenants the schemas
	 * @param target the target
	 * @return schema to its status or error, in the order the schemas are given
	 */
	static Map<String, TenantRead<MigrationStatus>> read(TenantMigrator tenants, String target) {
		Map<String, TenantRead<MigrationStatus>> statuses = new LinkedHashMap<>();
		for (TenantRead<MigrationStatus> read : tenants.read((migrator) -> migrator.status(target))) {
			statuses.put(read.schema(), read);
		}
		return statuses;
	}

	/**
	 * The state of one schema: its relation to the target, or {@link #FAILED}.
	 * @param read the schema's status
	 * @return e.g. {@code AT_TARGET}, {@code BEHIND}
	 */
	static String state(TenantRead<MigrationStatus> read) {
		MigrationStatus status = read.value();
		return (status != null) ? status.state().relation().name() : FAILED;
	}

	/**
	 * How many schemas are in each state, states in a fixed order.
	 * @param statuses every schema's status
	 * @return state to count, only states that occur
	 */
	static Map<String, Integer> counts(Map<String, TenantRead<MigrationStatus>> statuses) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String state : List.of(FAILED, "UNKNOWN_REVISIONS", "DRIFTED", "BEHIND", "OTHER_BRANCH", "AHEAD",
				"AT_TARGET")) {
			int count = (int) statuses.values().stream().filter((read) -> state(read).equals(state)).count();
			if (count > 0) {
				counts.put(state, count);
			}
		}
		return counts;
	}

	/**
	 * The schemas in the order they need attention: failed first, at target last, each
	 * group in the given order.
	 * @param statuses every schema's status
	 * @return the statuses, reordered
	 */
	static List<TenantRead<MigrationStatus>> byAttention(Map<String, TenantRead<MigrationStatus>> statuses) {
		List<String> order = List.of(FAILED, "UNKNOWN_REVISIONS", "DRIFTED", "BEHIND", "OTHER_BRANCH", "AHEAD",
				"AT_TARGET");
		return statuses.values().stream().sorted((a, b) -> order.indexOf(state(a)) - order.indexOf(state(b))).toList();
	}

}
