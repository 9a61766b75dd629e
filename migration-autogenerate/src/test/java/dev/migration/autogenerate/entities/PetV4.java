package dev.migration.autogenerate.entities;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Step 4 of the pet table. */
@Entity(name = "PetV4")
@Table(name = "pet")
public class PetV4 {

	@Id
	Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "owner_id", nullable = false, foreignKey = @ForeignKey(name = "fk_pet_owner"))
	Owner owner;

	@Column(length = 80, nullable = false)
	String name;

	LocalDate born;

}
