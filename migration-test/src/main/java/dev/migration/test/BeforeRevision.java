package dev.migration.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs before the revision is applied, with the database at the revision's parents: seed
 * the rows the revision must carry over. Takes a Spring {@code JdbcClient}, a
 * {@link java.sql.Connection} or a {@link javax.sql.DataSource}. Runs as part of each
 * {@link AfterRevision @AfterRevision} test of the same revision.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BeforeRevision {

	/** The revision id (or a unique prefix). */
	String value();

}
