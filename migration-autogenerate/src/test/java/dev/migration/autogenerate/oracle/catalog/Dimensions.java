package dev.migration.autogenerate.oracle.catalog;

import jakarta.persistence.Embeddable;

/** Embedded dimensions. */
@Embeddable
public class Dimensions {

	Integer width;

	Integer height;

}
