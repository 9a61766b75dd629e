package dev.migration.cli;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.autoconfigure.MigrationProperties;

/**
 * What the CLI read from files, environment and flags.
 *
 * @param properties the {@code migration.*} settings, bound as the starter binds them
 * @param url the JDBC URL ({@code migration.url}, else {@code spring.datasource.url})
 * @param user the user ({@code migration.user}, else {@code spring.datasource.username})
 * @param password the password, never printed
 * @param locations the locations with relative {@code filesystem:} paths made absolute
 * @param sources the files that were read, for {@code --debug}
 */
record Settings(MigrationProperties properties, @Nullable String url, @Nullable String user, @Nullable String password,
		List<String> locations, List<String> sources) {

	Settings {
		locations = List.copyOf(locations);
		sources = List.copyOf(sources);
	}

	/** The settings for {@code --debug}, password masked. */
	String describe() {
		return "url=" + this.url + ", user=" + this.user + ", password="
				+ ((this.password == null || this.password.isEmpty()) ? "(none)" : Secrets.MASK) + ", locations="
				+ this.locations + ", schema=" + this.properties.getSchema() + ", version-table="
				+ this.properties.getVersionTable() + ", history-table=" + this.properties.getHistoryTable()
				+ ", read from " + (this.sources.isEmpty() ? "no file" : String.join(", ", this.sources));
	}

}
