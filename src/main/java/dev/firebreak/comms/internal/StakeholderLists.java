package dev.firebreak.comms.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;

/** Who hears the business-impact digest of each service's incidents. */
@Service
class StakeholderLists {

	static final int EMAILS_MAX = 200;

	static final int EMAIL_MAX = 254;

	private final StakeholderStore store;

	private final Catalog catalog;

	private final AuditLog audit;

	private final Clock clock;

	StakeholderLists(StakeholderStore store, Catalog catalog, AuditLog audit, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<String> of(UUID serviceId) {
		exists(serviceId);
		return store.of(serviceId);
	}

	/** Replaces the list; addresses are kept lower case, each once. */
	@Transactional
	List<String> replace(UUID serviceId, List<String> emails) {
		if (emails == null) {
			throw Problems.invalid("/emails", "emails is required: the list of addresses (empty to clear it)");
		}
		if (emails.size() > EMAILS_MAX) {
			throw Problems.invalid("/emails", "at most " + EMAILS_MAX + " addresses per service, not " + emails.size());
		}
		var clean = new ArrayList<String>();
		for (var i = 0; i < emails.size(); i++) {
			var email = address("/emails/" + i, emails.get(i));
			if (!clean.contains(email)) {
				clean.add(email);
			}
		}
		var service = exists(serviceId);
		store.replace(serviceId, clean, clock.instant());
		audit.record("stakeholders.replaced", "service", serviceId.toString(),
				service + ": " + clean.size() + " stakeholder address(es)");
		return store.of(serviceId);
	}

	private String exists(UUID serviceId) {
		return catalog.service(serviceId).map(s -> s.name())
			.orElseThrow(() -> Problems.notFound("No service " + serviceId + "; GET /api/v1/services lists them"));
	}

	private static String address(String pointer, String email) {
		if (email == null || email.isBlank()) {
			throw Problems.invalid(pointer, "an address is empty; give an e-mail address like cfo@example.com");
		}
		var trimmed = email.strip();
		if (trimmed.length() > EMAIL_MAX) {
			throw Problems.invalid(pointer, "an e-mail address is at most " + EMAIL_MAX + " characters");
		}
		try {
			var parsed = new InternetAddress(trimmed, true);
			parsed.validate();
			// a bare address only: a display name or a group would hide who really receives it
			if (!parsed.getAddress().equals(trimmed) || !trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				throw new AddressException("not a plain address");
			}
		}
		catch (AddressException e) {
			throw Problems.invalid(pointer, "'" + trimmed + "' is not an e-mail address; give one like cfo@example.com");
		}
		return trimmed.toLowerCase(Locale.ROOT);
	}
}
