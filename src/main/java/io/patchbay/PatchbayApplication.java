package io.patchbay;

import java.util.Arrays;
import java.util.stream.Stream;

import io.patchbay.platform.MasterKeyRotation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class PatchbayApplication {

	/**
	 * {@code java -jar patchbay.jar rotate-master-key}: re-encrypts every secret, then
	 * stops.
	 */
	static final String ROTATE_MASTER_KEY = "rotate-master-key";

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals(ROTATE_MASTER_KEY)) {
			// A maintenance run beside the install (running or stopped): on a free port,
			// whatever SERVER_PORT says, so that it never takes a running node's.
			String[] rest = Stream.concat(Arrays.stream(args, 1, args.length), Stream.of("--server.port=0"))
				.toArray(String[]::new);
			try (ConfigurableApplicationContext context = SpringApplication.run(PatchbayApplication.class, rest)) {
				context.getBean(MasterKeyRotation.class).rotate();
			}
			return;
		}
		SpringApplication.run(PatchbayApplication.class, args);
	}

}
