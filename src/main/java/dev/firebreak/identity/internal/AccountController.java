package dev.firebreak.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

	private final IdentityService identity;

	private final AccountStore accounts;

	AccountController(IdentityService identity, AccountStore accounts) {
		this.identity = identity;
		this.accounts = accounts;
	}

	/** Creates an account. Without a password one is generated and returned in this answer only. */
	@PostMapping
	@AdminOnly
	ResponseEntity<AccountView> create(@Valid @RequestBody NewAccount request) {
		var generated = request.password() == null ? IdentityService.randomString(18) : null;
		var account = identity.create(request.email(), request.displayName(), request.timeZone(), request.role(),
				generated == null ? request.password() : generated);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id()))
			.body(AccountView.of(account, generated));
	}

	@GetMapping
	Page<AccountView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return accounts.list(Page.Request.of(page, size)).map(account -> AccountView.of(account, null));
	}

	@GetMapping("/me")
	AccountView me(@AuthenticationPrincipal FirebreakUser user) {
		return AccountView.of(user.account(), null);
	}

	@GetMapping("/{id}")
	AccountView get(@PathVariable UUID id) {
		return accounts.find(id).map(account -> AccountView.of(account, null))
			.orElseThrow(() -> Problems.notFound("No account " + id + "; GET /api/v1/accounts lists them"));
	}

	record NewAccount(@NotBlank @Email @Size(max = 320) String email,
			@NotBlank @Size(max = 200) String displayName,
			@Size(max = 64) String timeZone,
			@NotNull Role role,
			@Size(min = 12, max = 72, message = "must be 12 to 72 characters; leave it out to have one generated") String password) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AccountView(UUID id, String email, String displayName, String timeZone, Role role, Instant createdAt,
			String initialPassword) {

		static AccountView of(Account account, String initialPassword) {
			return new AccountView(account.id(), account.email(), account.displayName(), account.timeZone(),
					account.role(), account.createdAt(), initialPassword);
		}
	}
}
