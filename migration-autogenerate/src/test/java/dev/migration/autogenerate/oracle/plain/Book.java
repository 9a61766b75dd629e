package dev.migration.autogenerate.oracle.plain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Defaults only. */
@Entity
public class Book {

	@Id
	@GeneratedValue
	Long id;

	String title;

	BigDecimal price;

	Instant published;

	@ManyToOne
	Author author;

}
