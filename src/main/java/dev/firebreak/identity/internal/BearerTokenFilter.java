package dev.firebreak.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in the API request whose {@code Authorization: Bearer} header carries a live API token. */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final IdentityService identity;

	private final SecurityConfiguration.ProblemWriter problems;

	BearerTokenFilter(IdentityService identity, SecurityConfiguration.ProblemWriter problems) {
		this.identity = identity;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
					"The Authorization header must be 'Bearer <token>'.");
			return;
		}
		var user = identity.authenticate(header.substring(BEARER.length()).trim());
		if (user.isEmpty()) {
			problems.write(response, HttpStatus.UNAUTHORIZED, "Invalid token",
					"This API token is unknown or revoked; POST /api/v1/auth/token issues a new one.");
			return;
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
				user.get().getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
