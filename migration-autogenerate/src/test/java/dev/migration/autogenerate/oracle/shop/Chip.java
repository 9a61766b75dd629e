package dev.migration.autogenerate.oracle.shop;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/** A microchip: a UUID key and a LOB. */
@Entity
public class Chip {

	@Id
	UUID id;

	@Lob
	byte[] image;

	String maker;

}
