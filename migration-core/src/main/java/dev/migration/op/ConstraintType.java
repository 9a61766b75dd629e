package dev.migration.op;

/** The kinds of named constraints that {@link DropConstraint} drops. */
public enum ConstraintType {

	FOREIGN_KEY, UNIQUE, CHECK, PRIMARY_KEY

}
