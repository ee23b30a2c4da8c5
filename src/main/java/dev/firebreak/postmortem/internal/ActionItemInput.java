package dev.firebreak.postmortem.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;
import dev.firebreak.postmortem.ActionItemPriority;

/**
 * An action item as sent (every field a string, so each bad one is named, not only the first that
 * fails to parse), and its checks: every problem is reported at once, in one 400 naming each field.
 */
record ActionItemInput(String title, String ownerId, String dueOn, String priority, String definitionOfDone) {

	static final int TITLE_MAX = 200;

	static final int DEFINITION_MAX = 2_000;

	/**
	 * The fields, checked against the incident and the day. {@code keptDueOn} is the due day an edit
	 * leaves as it was: it may be in the past (the item is overdue), a new one may not; nor may a new
	 * one be later than {@code latestDueOn}.
	 */
	ActionItemStore.Fields checked(Incident incident, LocalDate today, LocalDate latestDueOn, LocalDate keptDueOn,
			Accounts accounts, Incidents incidents) {
		var errors = new ArrayList<Problems.FieldProblem>();
		var properties = new LinkedHashMap<String, Object>();
		var checkedTitle = text(errors, "/title", title, TITLE_MAX,
				"a short name for the work, like 'Page payments on checkout errors'");
		var owner = owner(errors, incident, accounts, incidents);
		var due = dueOn(errors, today, latestDueOn, keptDueOn);
		var checkedPriority = priority(errors);
		var done = text(errors, "/definition_of_done", definitionOfDone, DEFINITION_MAX,
				"how anyone can check it is done, for example \"" + ActionItemDefinitionOfDone.EXAMPLE + "\"");
		if (done != null) {
			var verdict = ActionItemDefinitionOfDone.check(done);
			if (!verdict.measurable()) {
				errors.add(new Problems.FieldProblem("/definition_of_done", verdict.explanation()));
				properties.put("example", ActionItemDefinitionOfDone.EXAMPLE);
			}
		}
		if (!errors.isEmpty()) {
			throw invalid(errors, properties);
		}
		return new ActionItemStore.Fields(checkedTitle, owner.id(), due, checkedPriority, done);
	}

	static ErrorResponseException invalid(List<Problems.FieldProblem> errors, Map<String, Object> extra) {
		var properties = new LinkedHashMap<String, Object>(extra);
		properties.put("errors", List.copyOf(errors));
		var detail = errors.size() == 1 ? errors.get(0).detail()
				: "The action item has " + errors.size() + " problems: " + String.join("; ",
						errors.stream().map(Problems.FieldProblem::detail).toList());
		return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, properties);
	}

	/** A required text within its limit, free of control characters; null after recording why not. */
	static String text(List<Problems.FieldProblem> errors, String pointer, String value, int max, String hint) {
		var field = pointer.substring(1);
		if (value == null || value.isBlank()) {
			errors.add(new Problems.FieldProblem(pointer, field + " is required: " + hint));
			return null;
		}
		if (value.length() > max) {
			errors.add(new Problems.FieldProblem(pointer,
					field + " is " + value.length() + " characters long; the limit is " + max));
			return null;
		}
		if (Text.hasControlCharacters(value)) {
			errors.add(new Problems.FieldProblem(pointer, field + " contains a control character; send plain text"));
			return null;
		}
		return value.strip();
	}

	private Account owner(List<Problems.FieldProblem> errors, Incident incident, Accounts accounts, Incidents incidents) {
		if (ownerId == null || ownerId.isBlank()) {
			errors.add(new Problems.FieldProblem("/owner_id", "owner_id is required: the account that will do it"));
			return null;
		}
		UUID id;
		try {
			id = UUID.fromString(ownerId.strip());
		}
		catch (IllegalArgumentException e) {
			errors.add(new Problems.FieldProblem("/owner_id", "owner_id must be an account's id (a UUID), not '"
					+ abbreviated(ownerId) + "'"));
			return null;
		}
		var account = accounts.find(id).orElse(null);
		if (account == null) {
			errors.add(new Problems.FieldProblem("/owner_id", "No account " + id + "; GET /api/v1/accounts lists them"));
			return null;
		}
		if (account.role() == Role.VIEWER) {
			errors.add(new Problems.FieldProblem("/owner_id",
					account.displayName() + " is a viewer; an action item's owner is a responder or an admin"));
			return null;
		}
		if (incident.isPrivate() && incidents.find(incident.number(), new FirebreakUser(account, null)).isEmpty()) {
			errors.add(new Problems.FieldProblem("/owner_id", account.displayName() + " cannot see " + incident.id()
					+ ", a private incident; add them to it first"));
			return null;
		}
		return account;
	}

	private LocalDate dueOn(List<Problems.FieldProblem> errors, LocalDate today, LocalDate latest, LocalDate kept) {
		if (dueOn == null || dueOn.isBlank()) {
			errors.add(new Problems.FieldProblem("/due_on", "due_on is required: the day it is due, like "
					+ today.plusWeeks(2)));
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(dueOn.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(new Problems.FieldProblem("/due_on", "due_on must be a day written YYYY-MM-DD, like "
					+ today.plusWeeks(2) + ", not '" + abbreviated(dueOn) + "'"));
			return null;
		}
		if (day.isBefore(today) && !day.equals(kept)) {
			errors.add(new Problems.FieldProblem("/due_on", "due_on " + day + " is in the past; today is " + today
					+ " (UTC)"));
			return null;
		}
		if (day.isAfter(latest) && !day.equals(kept)) {
			errors.add(new Problems.FieldProblem("/due_on", "due_on " + day + " is too far ahead; the latest allowed is "
					+ latest + " (UTC)"));
			return null;
		}
		return day;
	}

	private ActionItemPriority priority(List<Problems.FieldProblem> errors) {
		if (priority == null || priority.isBlank()) {
			errors.add(new Problems.FieldProblem("/priority", "priority is required: P0, P1 or P2"));
			return null;
		}
		try {
			return ActionItemPriority.valueOf(priority.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(new Problems.FieldProblem("/priority", "priority must be P0, P1 or P2, not '"
					+ abbreviated(priority) + "'"));
			return null;
		}
	}

	private static String abbreviated(String value) {
		var clean = value.replaceAll("\\p{Cntrl}", "?");
		return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
	}
}
