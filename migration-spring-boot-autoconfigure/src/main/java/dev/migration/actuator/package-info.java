/**
 * Actuator integration: the {@code migrations} endpoint, the {@code migrations} health
 * contributor and Micrometer metrics.
 */
@NullMarked
package dev.migration.actuator;

import org.jspecify.annotations.NullMarked;
