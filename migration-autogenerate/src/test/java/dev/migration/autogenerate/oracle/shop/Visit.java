package dev.migration.autogenerate.oracle.shop;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A visit: a default (sequence) id, a LOB, indexes, a many-to-many. */
@Entity
@Table(indexes = @Index(name = "ix_visit_at", columnList = "at"),
		uniqueConstraints = @UniqueConstraint(name = "uq_visit_vet_at", columnNames = { "vet_id", "at" }))
public class Visit {

	@Id
	@GeneratedValue
	Long id;

	LocalDateTime at;

	@Lob
	String notes;

	@Column(length = 10000)
	String summary;

	@Column(precision = 10, scale = 2)
	BigDecimal price;

	@ManyToOne(optional = false)
	Customer customer;

	@ManyToOne
	Vet vet;

	@ManyToOne
	Chip chip;

	@ManyToMany
	Set<Tag> tags;

}
