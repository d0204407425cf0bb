package io.patchbay.accounts;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;

import io.patchbay.platform.PatchbayProperties;
import io.patchbay.platform.StartupRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator at first start, so that a new install can be signed in
 * to. A generated password is printed once: it is not stored anywhere but as a hash.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	private final Members members;

	private final PatchbayProperties properties;

	BootstrapAdministrator(Members members, PatchbayProperties properties) {
		this.members = members;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.members.anyAdministrator()) {
			return;
		}
		String email = this.properties.adminEmail();
		String password = this.properties.adminPassword();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			byte[] random = new byte[12];
			new SecureRandom().nextBytes(random);
			password = HexFormat.of().formatHex(random);
		}
		else if (PasswordPolicy.tooLong(password)) {
			throw new StartupRefusedException(
					"PATCHBAY_ADMIN_PASSWORD is longer than 72 bytes, all that bcrypt reads: choose a shorter one");
		}
		try {
			this.members.createAdministrator(email, "Administrator", password, EnumSet.allOf(AdminPermission.class));
		}
		catch (DuplicateKeyException ex) {
			// Another node of the cluster created it at the same moment.
			return;
		}
		if (generated) {
			log.warn("Created the bootstrap administrator {} with the generated password {} "
					+ "(shown only this once: sign in and keep it safe)", email, password);
		}
		else {
			log.info("Created the bootstrap administrator {} (password from PATCHBAY_ADMIN_PASSWORD)", email);
		}
	}

}
