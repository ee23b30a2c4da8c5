package dev.firebreak.comms.writing;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A public status update as the writing rules see it: the text, and what the checker needs to know
 * besides the text.
 *
 * @param text the update as it would be posted
 * @param resolved the update announces the resolution (phase "resolved"): no next-update time is
 *        required then, and "resolved"/"fixed" are no longer premature
 * @param customersReported customers reported problems, so claiming "no impact" would be wrong
 * @param internalNames internal service and team names from the catalog (e.g. "payments-db",
 *        "ledger-writer", "Checkout API") that must not appear in public text; blanks are ignored
 */
public record Draft(String text, boolean resolved, boolean customersReported, Collection<String> internalNames) {

	public Draft {
		text = Objects.requireNonNullElse(text, "");
		internalNames = internalNames == null ? List.of()
				: internalNames.stream().filter(name -> name != null && !name.isBlank()).map(String::strip).toList();
	}
}
