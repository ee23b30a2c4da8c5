package dev.firebreak.identity.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.AdminOnly;
import dev.firebreak.platform.Page;

@RestController
class AuditController {

	private final AuditStore audit;

	AuditController(AuditStore audit) {
		this.audit = audit;
	}

	/** Every change made through Firebreak, newest first. */
	@GetMapping("/api/v1/audit")
	@AdminOnly
	Page<AuditStore.Entry> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return audit.list(Page.Request.of(page, size));
	}
}
