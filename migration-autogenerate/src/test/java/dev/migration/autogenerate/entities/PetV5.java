package dev.migration.autogenerate.entities;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Step 5 of the pet table. */
@Entity(name = "PetV5")
@Table(name = "pet", indexes = @Index(name = "ux_pet_name", columnList = "owner_id, name", unique = true))
public class PetV5 {

	@Id
	Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "owner_id", nullable = false, foreignKey = @ForeignKey(name = "fk_pet_owner"))
	Owner owner;

	@Column(length = 80, nullable = false)
	String name;

	LocalDate born;

}
