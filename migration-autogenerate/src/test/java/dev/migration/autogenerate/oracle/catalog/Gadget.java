package dev.migration.autogenerate.oracle.catalog;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Another subclass, with an ORDINAL enum. */
@Entity
@DiscriminatorValue("gadget")
public class Gadget extends Product {

	@Enumerated(EnumType.ORDINAL)
	Power power;

	/** How it is powered. */
	public enum Power {

		BATTERY, MAINS

	}

}
