package dev.firebreak.postmortem.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Obligation;
import dev.firebreak.incident.ObligationDue;
import dev.firebreak.incident.Obligations;
import dev.firebreak.notification.Notice;
import dev.firebreak.notification.Notifications;
import dev.firebreak.platform.Problems;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.platform.Text;

/**
 * The day-30 action-item review the incident module asks for with its post-mortem: every item still
 * open, with its owner and whether it is overdue. Holding it meets the obligation
 * {@code postmortem:action-review}, whose outcome keeps the list as it stood. When the obligation
 * comes due its owner is also sent the list itself.
 */
@Component
class ActionItemReview {

	static final String OBLIGATION = "postmortem:action-review";

	/** The obligation's outcome column holds this much. */
	static final int OUTCOME_MAX = 2_000;

	static final int NOTES_MAX = 1_000;

	private final ActionItemService items;

	private final Obligations obligations;

	private final Incidents incidents;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Notifications notifications;

	private final String baseUrl;

	ActionItemReview(ActionItemService items, Obligations obligations, Incidents incidents, Accounts accounts,
			AuditLog audit, Notifications notifications, @Value("${firebreak.base-url}") String baseUrl) {
		this.items = items;
		this.obligations = obligations;
		this.incidents = incidents;
		this.accounts = accounts;
		this.audit = audit;
		this.notifications = notifications;
		this.baseUrl = Text.withoutTrailingSlash(baseUrl);
	}

	/** An open item as the review reads it. */
	record OpenItem(UUID id, String title, Owner owner, LocalDate dueOn, String priority,
			boolean overdue, String definitionOfDone) {
	}

	record Owner(UUID id, String name, String email) {
	}

	/**
	 * @param obligation the review's obligation; null when the incident owes none (no post-mortem asked for)
	 */
	record Review(String incident, Obligation obligation, List<OpenItem> items, long total) {
	}

	Review of(Incident incident) {
		var open = openItems(incident.number());
		return new Review(incident.id(), obligation(incident.number()), open, open.size());
	}

	@Transactional
	Review hold(Incident incident, String notes, UUID actor) {
		var errors = new ArrayList<Problems.FieldProblem>();
		var said = ActionItemInput.text(errors, "/notes", notes, NOTES_MAX,
				"what the review decided (items re-planned, dropped, escalated)");
		if (!errors.isEmpty()) {
			throw ActionItemInput.invalid(errors, Map.of());
		}
		var obligation = obligation(incident.number());
		if (obligation == null) {
			throw Problems.conflict(incident.id() + " owes no action-item review: no post-mortem was asked for when it was"
					+ " resolved");
		}
		if (!obligation.state().isOpen()) {
			throw Problems.conflict("The action-item review of " + incident.id() + " was " + obligation.state() + " at "
					+ obligation.metAt() + ": " + obligation.outcome());
		}
		var open = openItems(incident.number());
		var by = accounts.find(actor).map(Account::displayName).orElse("the platform");
		var outcome = outcome(incident, by, said, open);
		obligations.meet(incident.number(), OBLIGATION, outcome);
		audit.record("action_item.review_held", "incident", incident.id(), outcome);
		return of(incident);
	}

	/**
	 * The owner of the review hears which items are still open when it comes due (the incident module
	 * reminds them of the review itself). Both notices go out at once, so the notification throttle
	 * usually bundles them into one message of titles: the title carries the counts, the link the list.
	 */
	@ApplicationModuleListener
	void on(ObligationDue due) {
		if (!OBLIGATION.equals(due.key()) || due.ownerId() == null) {
			return;
		}
		var incident = incidents.find(due.incidentNumber()).orElse(null);
		if (incident == null) {
			return;
		}
		var open = openItems(incident.number());
		var text = new StringBuilder("The action-item review of ").append(incident.id()).append(" \"")
			.append(incident.title()).append("\" is due. ");
		text.append(open.isEmpty() ? "Every action item is done." : open.size() + " action items are still open:\n");
		open.forEach(item -> text.append(line(item)).append('\n'));
		notifications.tell(due.ownerId(), new Notice(incident.id() + ":action-review:" + due.dueAt().toEpochMilli()
				+ ":open-items", "[" + incident.id() + "] Action-item review: " + open.size() + " open, "
						+ open.stream().filter(OpenItem::overdue).count() + " overdue", text.toString().strip(),
				baseUrl + "/incidents/" + incident.id() + "/action-review"));
	}

	private Obligation obligation(long number) {
		return obligations.of(number).stream().filter(o -> OBLIGATION.equals(o.key())).findFirst().orElse(null);
	}

	private List<OpenItem> openItems(long number) {
		var open = items.open(number);
		var owners = accounts.findAll(open.stream().map(ActionItem::ownerId).distinct().toList());
		return open.stream().map(item -> {
			var owner = owners.get(item.ownerId());
			return new OpenItem(item.id(), item.title(), new Owner(item.ownerId(),
					owner == null ? null : owner.displayName(), owner == null ? null : owner.email()), item.dueOn(),
					item.priority().name(), item.overdue(), item.definitionOfDone());
		}).toList();
	}

	static String line(OpenItem item) {
		return "- [" + item.priority() + "] " + item.title() + " — " + (item.owner().name() == null ? item.owner().id()
				: item.owner().name()) + ", due " + item.dueOn() + (item.overdue() ? " (OVERDUE)" : "");
	}

	/** What the obligation keeps: who held it, the notes and the open items, cut to fit its column. */
	static String outcome(Incident incident, String by, String notes, List<OpenItem> open) {
		var head = "Action-item review held by " + by + ". Notes: " + notes + ". ";
		var list = new StringBuilder(open.isEmpty() ? "Every action item was done." : open.size() + " open: ");
		var shown = 0;
		for (var item : open) {
			var line = (shown == 0 ? "" : "; ") + line(item).substring(2);
			var rest = "; and " + (open.size() - shown) + " more (GET /api/v1/incidents/" + incident.id() + "/action-items)";
			if (head.length() + list.length() + line.length() + rest.length() > OUTCOME_MAX) {
				list.append(rest);
				break;
			}
			list.append(line);
			shown++;
		}
		var outcome = head + list;
		return outcome.length() <= OUTCOME_MAX ? outcome : outcome.substring(0, OUTCOME_MAX - 1) + "…";
	}
}
