package io.patchbay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PatchbayApplication {

	public static void main(String[] args) {
		SpringApplication.run(PatchbayApplication.class, args);
	}

}
