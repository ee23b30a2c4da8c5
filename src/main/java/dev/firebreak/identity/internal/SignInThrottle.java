package dev.firebreak.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.firebreak.platform.Problems;

/**
 * Slows password guessing: after too many refused sign-ins for one e-mail from one address within
 * the window, further attempts are refused without checking the password until the window moves
 * on. The count comes from the audit log, so it holds across every instance of a cluster.
 */
@Component
class SignInThrottle {

	private final AuditStore audit;

	private final Clock clock;

	private final int maxRefusals;

	private final Duration window;

	SignInThrottle(AuditStore audit, Clock clock, @Value("${firebreak.sign-in.max-refusals}") int maxRefusals,
			@Value("${firebreak.sign-in.window}") Duration window) {
		this.audit = audit;
		this.clock = clock;
		this.maxRefusals = maxRefusals;
		this.window = window;
	}

	boolean blocked(String email) {
		return audit.refusedSignIns(email, clock.instant().minus(window)) >= maxRefusals;
	}

	/** Refuses with 429 and Retry-After when {@link #blocked}. */
	void check(String email) {
		if (blocked(email)) {
			var problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many refused sign-ins",
					"Sign-in for " + email + " from your address was refused " + maxRefusals + " times within "
							+ window.toMinutes() + " minutes; wait and try again, or ask an administrator.",
					Map.of());
			problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(window.toSeconds()));
			throw problem;
		}
	}
}
