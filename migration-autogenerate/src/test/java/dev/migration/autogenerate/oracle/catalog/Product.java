package dev.migration.autogenerate.oracle.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;

/** SINGLE_TABLE root with embeddables and element collections. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false, length = 100)
	String name;

	@Embedded
	Dimensions size;

	@ElementCollection
	@CollectionTable(name = "product_tag")
	Set<String> tags;

	@ElementCollection
	@OrderColumn(name = "position")
	List<Dimensions> variants;

	@ElementCollection
	@MapKeyColumn(name = "locale", length = 10)
	@Column(name = "label", length = 200)
	Map<String, String> labels;

}
