package dev.migration.autogenerate.oracle.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A tag with an explicit sequence. */
@Entity
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_ids")
	@SequenceGenerator(name = "tag_ids", sequenceName = "tag_ids", initialValue = 100, allocationSize = 10)
	Long id;

	@Column(length = 30, nullable = false, unique = true)
	String label;

}
