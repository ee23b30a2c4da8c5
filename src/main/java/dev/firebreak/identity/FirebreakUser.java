package dev.firebreak.identity;

import java.util.Collection;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, whether through the login form or an API token. Controllers take it with
 * {@code @AuthenticationPrincipal FirebreakUser user}.
 */
public final class FirebreakUser implements UserDetails {

	private final Account account;

	private final transient String passwordHash;

	private final boolean locked;

	public FirebreakUser(Account account, String passwordHash) {
		this(account, passwordHash, false);
	}

	private FirebreakUser(Account account, String passwordHash, boolean locked) {
		this.account = account;
		this.passwordHash = passwordHash;
		this.locked = locked;
	}

	/** The same person, refused sign-in for now (too many wrong passwords) before any password is checked. */
	public FirebreakUser locked() {
		return new FirebreakUser(account, passwordHash, true);
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	public UUID id() {
		return account.id();
	}

	public Account account() {
		return account;
	}

	public Role role() {
		return account.role();
	}

	public boolean isAdmin() {
		return account.role() == Role.ADMIN;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return account.role().grantedRoles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return account.email();
	}

	@Override
	public String toString() {
		return account.email();
	}
}
