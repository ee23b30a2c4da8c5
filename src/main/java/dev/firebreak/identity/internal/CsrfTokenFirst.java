package dev.firebreak.identity.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A signed-in person's CSRF token is loaded before a page is rendered, not when the first form in
 * it is: a long page may already have sent its first bytes by then, and a token that must be
 * stored in a session not yet created could no longer be (the response is committed).
 */
@ControllerAdvice
class CsrfTokenFirst {

	@ModelAttribute
	void loadToken(HttpServletRequest request) {
		if (request.getUserPrincipal() != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}
}
