package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Customer {

	@Id
	private Long id;

	@Column(length = 80, nullable = false)
	private String name;

	@Column(length = 20)
	private String phone;

}
