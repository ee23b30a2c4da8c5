package dev.firebreak.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/** Wrong passwords at the sign-in form go to the audit log, where the throttle counts them too. */
@Component
class SignInAudit {

	private final AuditStore audit;

	SignInAudit(AuditStore audit) {
		this.audit = audit;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof String email) {
			audit.signInRefused(AccountStore.normalise(email), "sign-in form");
		}
	}
}
