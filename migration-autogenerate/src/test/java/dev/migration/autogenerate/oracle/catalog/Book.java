package dev.migration.autogenerate.oracle.catalog;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A subclass in the single table. */
@Entity(name = "CatalogBook")
@DiscriminatorValue("book")
public class Book extends Product {

	String isbn;

	Integer pages;

}
