package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationTargets;

/**
 * The schemas of a multi-schema (schema per tenant) run. Part of the flat
 * {@code migration.*} namespace: {@link MigrationProperties} extends this class, so the
 * keys keep their names (e.g. {@code migration.schemas}).
 */
public abstract class MigrationTenantProperties extends MigrationScriptProperties {

	/**
	 * Schemas to migrate in one run, each with its own version and history tables (schema
	 * per tenant). Empty: only the default schema. A MigrationTargets bean replaces it.
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * Query whose first column lists the schemas to migrate, e.g. 'SELECT schema_name
	 * FROM tenants'. Used when 'schemas' is empty.
	 */
	private @Nullable String schemasQuery;

	/**
	 * Most connections a multi-schema run opens at once; each schema being migrated uses
	 * up to two (work, and a lease lock's own), so half as many schemas are migrated at a
	 * time.
	 */
	private int parallelism = 8;

	/**
	 * Whether the application starts although some schemas of a multi-schema run failed
	 * (they are logged and shown by the endpoint). By default a failed schema fails the
	 * startup, after every other schema was migrated.
	 */
	private boolean continueOnTenantFailure = false;

	/**
	 * The schemas of a multi-schema run from 'schemas' or 'schemas-query', or
	 * {@code null} when neither is set.
	 * @return the targets or {@code null}
	 */
	public @Nullable MigrationTargets toTargets() {
		if (!this.schemas.isEmpty()) {
			return MigrationTargets.of(this.schemas);
		}
		if (this.schemasQuery != null && !this.schemasQuery.isBlank()) {
			return MigrationTargets.query(this.schemasQuery);
		}
		return null;
	}

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public @Nullable String getSchemasQuery() {
		return this.schemasQuery;
	}

	public void setSchemasQuery(@Nullable String schemasQuery) {
		this.schemasQuery = schemasQuery;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public boolean isContinueOnTenantFailure() {
		return this.continueOnTenantFailure;
	}

	public void setContinueOnTenantFailure(boolean continueOnTenantFailure) {
		this.continueOnTenantFailure = continueOnTenantFailure;
	}

}
