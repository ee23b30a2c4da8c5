package dev.firebreak.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Looks up the people who use Firebreak, for capabilities that name a person (a role holder, an author). */
public interface Accounts {

	Optional<Account> find(UUID id);

	/** Everyone, by display name: for choosing a person, as when a role is assigned. */
	List<Account> all();

	/** The accounts among {@code ids} that exist, by id. */
	Map<UUID, Account> findAll(Collection<UUID> ids);
}
