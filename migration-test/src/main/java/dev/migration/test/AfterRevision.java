package dev.migration.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A data-migration test: the database is moved to the revision's parents, the
 * {@link BeforeRevision @BeforeRevision} methods of the same revision run, the revision
 * is applied, then this method runs to assert. Takes a Spring {@code JdbcClient}, a
 * {@link java.sql.Connection} or a {@link javax.sql.DataSource}. Afterwards the version
 * table goes back where it was.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(MigrationTestExtension.class)
public @interface AfterRevision {

	/** The revision id (or a unique prefix). */
	String value();

}
