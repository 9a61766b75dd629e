package dev.migration.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of migrations. Its methods may take a {@link MigrationChecks} or a
 * {@link MigrationTester} parameter (a {@code @TestFactory} returning
 * {@link MigrationChecks#dynamicTests()} gives one test per check and revision), and
 * {@link AfterRevision @AfterRevision} methods are data-migration tests.
 * <p>
 * The database is, in this order: a field of the test class of type
 * {@link MigrationChecks}, {@link dev.migration.command.Migrator},
 * {@link dev.migration.MigrationConfig} or {@link javax.sql.DataSource} (Spring
 * {@code @Autowired} fields included); the Spring test context's {@code Migrator} (the
 * one the starter migrates with: its DataSource and its Spring-bean migrations), else its
 * DataSource; {@link #url()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MigrationTestExtension.class)
public @interface MigrationTest {

	/** Script locations, instead of the configuration's. */
	String[] locations() default {};

	/** A JDBC URL, when the test has no DataSource of its own. */
	String url() default "";

	String user() default "";

	String password() default "";

	/** The heads the application upgrades to; empty for exactly one. */
	String[] heads() default {};

	/**
	 * A desired-state {@code schema.sql} ({@code classpath:...} or a path) for models
	 * match.
	 */
	String desiredSchema() default "";

	/** Packages whose {@code @Entity} classes are the models, for models match. */
	String[] entityPackages() default {};

}
