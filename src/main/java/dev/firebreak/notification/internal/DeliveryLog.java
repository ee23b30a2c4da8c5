package dev.firebreak.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.Subject;
import dev.firebreak.platform.Problems;

/** The delivery log of an incident as people see it: phone numbers masked, people named. */
@Component
class DeliveryLog {

	private final DeliveryStore store;

	private final Incidents incidents;

	private final Accounts accounts;

	DeliveryLog(DeliveryStore store, Incidents incidents, Accounts accounts) {
		this.store = store;
		this.incidents = incidents;
		this.accounts = accounts;
	}

	/** The incident's rows, if this person may see the incident; otherwise the same 404 whether or not it exists. */
	List<Row> ofIncident(String id, FirebreakUser viewer) {
		var number = Incident.parseNumber(id);
		if (number < 0 || incidents.find(number, viewer).isEmpty()) {
			throw Problems.notFound("No incident " + id + " that you can see");
		}
		var rows = store.bySubject(Subject.incident(number).key());
		var people = accounts.findAll(rows.stream().map(DeliveryRow::accountId).filter(Objects::nonNull).distinct().toList());
		return rows.stream().map(row -> Row.of(row, people.get(row.accountId()))).toList();
	}

	/** What was sent to one person lately (pages about incidents and alerts, notices), newest first. */
	List<Row> ofPerson(UUID accountId, FirebreakUser viewer, int limit) {
		if (!viewer.id().equals(accountId) && !viewer.isAdmin()) {
			throw Problems.problem(org.springframework.http.HttpStatus.FORBIDDEN, "Not allowed",
					"Only administrators read another person's notifications; yours are under /api/v1/accounts/me/notifications",
					java.util.Map.of());
		}
		var person = accounts.find(accountId).orElseThrow(() -> Problems.notFound("No account " + accountId));
		return store.byAccount(accountId, limit).stream().map(row -> Row.of(row, person)).toList();
	}

	record Row(UUID id, String key, DeliveryStatus status, ContactType contactType, String address, UUID accountId,
			String person, UUID channelId, int attempts, String providerAnswer, String reason, String note,
			Instant createdAt, Instant dueAt, Instant sentAt, Instant cancelledAt) {

		static Row of(DeliveryRow row, Account person) {
			return new Row(row.id(), row.key(), row.status(), row.contactType(), Addresses.mask(row.contactType(), row.address()),
					row.accountId(), row.accountId() == null ? null : NotificationService.name(person), row.channelId(),
					row.attempts(), row.providerAnswer(), row.reason(), row.note(), row.createdAt(), row.dueAt(), row.sentAt(),
					row.cancelledAt());
		}
	}
}
