package dev.migration.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.testing.DatabaseKind;

/**
 * A test run once on each database server: PostgreSQL and MariaDB (multi-schema runs,
 * which H2 is left out of). The method takes the {@link DatabaseKind}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest
@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB" })
public @interface ServerDatabaseTest {

}
