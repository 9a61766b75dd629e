package dev.migration.autogenerate.oracle.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An embedded address. */
@Embeddable
public class Address {

	@Column(length = 120)
	String street;

	@Column(length = 60)
	String city;

}
