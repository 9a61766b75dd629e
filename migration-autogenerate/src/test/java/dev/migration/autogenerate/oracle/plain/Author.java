package dev.migration.autogenerate.oracle.plain;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Defaults only: a plain generated id, no column annotations. */
@Entity
public class Author {

	@Id
	@GeneratedValue
	Long id;

	String name;

	LocalDate born;

	boolean alive;

	Integer books;

	double rating;

}
