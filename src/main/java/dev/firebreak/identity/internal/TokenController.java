package dev.firebreak.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

@RestController
class TokenController {

	private final IdentityService identity;

	private final TokenStore tokens;

	TokenController(IdentityService identity, TokenStore tokens) {
		this.identity = identity;
		this.tokens = tokens;
	}

	/** Exchanges an e-mail and password for a new API token. The token is shown in this answer only. */
	@PostMapping("/api/v1/auth/token")
	ResponseEntity<IssuedTokenView> issue(@Valid @RequestBody TokenRequest request) {
		var issued = identity.issueToken(request.email(), request.password(), request.name())
			.orElseThrow(() -> Problems.problem(HttpStatus.UNAUTHORIZED, "Wrong e-mail or password",
					"No account matches this e-mail and password.", java.util.Map.of()));
		var token = issued.token();
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
			.body(new IssuedTokenView(token.id(), token.name(), issued.secret(), token.createdAt()));
	}

	/**
	 * The caller's own tokens, newest first, revoked ones included; never their secrets. An admin
	 * may name another account, to find and revoke the tokens of someone who left.
	 */
	@GetMapping("/api/v1/tokens")
	Page<TokenView> list(@AuthenticationPrincipal FirebreakUser user,
			@RequestParam(name = "account_id", required = false) UUID accountId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		if (accountId != null && !accountId.equals(user.id()) && !user.isAdmin()) {
			throw new AccessDeniedException("Only administrators list the tokens of others");
		}
		return tokens.listFor(accountId == null ? user.id() : accountId, Page.Request.of(page, size))
			.map(t -> new TokenView(t.id(), t.name(), t.createdAt(), t.revokedAt()));
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		identity.revoke(id, user);
	}

	record TokenRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password,
			@Size(max = 200) String name) {
	}

	record IssuedTokenView(UUID id, String name, String token, Instant createdAt) {
	}

	record TokenView(UUID id, String name, Instant createdAt, Instant revokedAt) {
	}
}
