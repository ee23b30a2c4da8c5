package dev.firebreak.identity.internal;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On the first start, creates the administrator from {@code FIREBREAK_ADMIN_EMAIL} and
 * {@code FIREBREAK_ADMIN_PASSWORD}; without a password, makes one up and prints it once.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final IdentityService identity;

	private final String email;

	private final String password;

	FirstAdmin(IdentityService identity, @Value("${firebreak.admin.email}") String email,
			@Value("${firebreak.admin.password:}") String password) {
		this.identity = identity;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		var chosen = password.isBlank() ? IdentityService.randomString(15) : password;
		if (chosen.getBytes(StandardCharsets.UTF_8).length > IdentityService.BCRYPT_MAX_BYTES) {
			throw new IllegalStateException("FIREBREAK_ADMIN_PASSWORD is longer than " + IdentityService.BCRYPT_MAX_BYTES
					+ " bytes, the most a password can use; choose a shorter one");
		}
		try {
			identity.createFirstAdmin(email, chosen).ifPresent(admin -> {
				if (password.isBlank()) {
					log.warn("""

							Firebreak created the first administrator:
							    e-mail:   {}
							    password: {}
							This password is shown once. Sign in and keep it somewhere safe.
							""", admin.email(), chosen);
				}
				else {
					log.info("Firebreak created the first administrator {}", admin.email());
				}
			});
		}
		catch (DuplicateKeyException e) {
			// another instance of a cluster created it at the same moment
		}
	}
}
