package dev.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The header of a Java {@link Migration}: the same fields as a SQL script's header.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RevisionInfo {

	/** The revision id. */
	String id();

	/** Parent revision ids; empty for a root. */
	String[] revises() default {};

	/** The message. */
	String message() default "";

	/** Branch labels. */
	String[] branchLabels() default {};

	/** Cross-branch dependencies. */
	String[] dependsOn() default {};

	/** ISO-8601 creation instant, or empty. */
	String created() default "";

	/** Whether the step runs in a transaction. */
	boolean transactional() default true;

}
