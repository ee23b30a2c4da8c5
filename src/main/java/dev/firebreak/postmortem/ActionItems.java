package dev.firebreak.postmortem;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The action items of incidents: what each post-mortem decided to do so it does not happen again,
 * with an owner, a due day, a priority and a measurable definition of done. Changes are checked,
 * audited and published ({@link ActionItemCreated}, {@link ActionItemCompleted}) in one transaction.
 */
public interface ActionItems {

	/** The incident's action items, open ones first by due day. */
	List<ActionItem> of(long incidentNumber);

	/** The incident's items still open, by due day: what the day-30 review goes through. */
	List<ActionItem> open(long incidentNumber);

	Optional<ActionItem> find(UUID id);
}
