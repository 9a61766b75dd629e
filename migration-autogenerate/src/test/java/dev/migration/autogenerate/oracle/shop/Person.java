package dev.migration.autogenerate.oracle.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnDefault;

/** The root of a JOINED hierarchy, with an IDENTITY id and a version. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Person {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Version
	int version;

	@Column(length = 80, nullable = false)
	String name;

	@Embedded
	Address address;

	@ColumnDefault("false")
	@Column(nullable = false)
	boolean active;

}
