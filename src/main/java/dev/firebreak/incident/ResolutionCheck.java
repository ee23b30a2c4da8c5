package dev.firebreak.incident;

import java.util.List;

/**
 * A criterion another capability keeps for resolution (the final status updates, for one): the
 * resolution gate asks every bean of this type and lists what it answers beside its own.
 */
public interface ResolutionCheck {

	/** What is still missing before this incident may be resolved, each in words a person can act on. */
	List<String> unmet(Incident incident);
}
