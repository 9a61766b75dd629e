package dev.migration.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationUnit;

import dev.migration.MigrationConfig;

/**
 * How the migration connects: its own database or login, retries while the database
 * starts, and statements run on each new connection. Part of the flat {@code migration.*}
 * namespace: {@link MigrationProperties} extends this class, so the keys keep their names
 * (e.g. {@code migration.url}).
 */
public abstract class MigrationConnectionProperties {

	/**
	 * JDBC URL of the database to migrate when it is not the application's DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate, e.g. a migration user with DDL rights. Alone
	 * (without 'url') it derives a DataSource from the application's.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * How often a failed connection attempt is retried (0: fail at once), for a database
	 * that is still starting; the waits double from 1s up to connect-retries-interval.
	 */
	private int connectRetries = 0;

	/**
	 * The longest wait between two connection attempts.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetriesInterval = MigrationConfig.DEFAULT_CONNECT_RETRIES_INTERVAL;

	/**
	 * Statements run on each migration connection as soon as it is opened (e.g. 'SET ROLE
	 * migrator').
	 */
	private List<String> initSqls = new ArrayList<>();

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

}
