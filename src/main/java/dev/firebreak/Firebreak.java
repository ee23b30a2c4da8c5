package dev.firebreak;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Firebreak: one service that takes a production problem from the first alert to the all-clear
 * and the lessons learned. Each top-level package below this one is a capability of the product.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Firebreak")
public class Firebreak {

	public static void main(String[] args) {
		SpringApplication.run(Firebreak.class, args);
	}
}
