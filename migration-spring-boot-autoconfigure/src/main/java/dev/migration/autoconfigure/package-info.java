/**
 * Spring Boot auto-configuration for the migration engine: {@code migration.*}
 * properties, the startup migration and its extension points.
 */
@NullMarked
package dev.migration.autoconfigure;

import org.jspecify.annotations.NullMarked;
