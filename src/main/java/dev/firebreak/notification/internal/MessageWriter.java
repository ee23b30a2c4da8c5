package dev.firebreak.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Runbooks;
import dev.firebreak.catalog.Service;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.Subject;

/**
 * Writes the words of a message once, for every channel: the title an e-mail's subject takes, the
 * full text, the short text (at most 160 characters) a call speaks, and for a page the SMS: the
 * short text with the link to the incident (or alert), in one GSM segment where it fits. A page
 * is written when it is sent, so it says what is true then (a severity set in the meantime).
 */
@Component
class MessageWriter {

	static final int SHORT_MAX = 160;

	static final int TITLE_MAX = 200;

	/** What a page about a fire drill says first, in every channel (a subject, an SMS, a call, a chat post). */
	static final String DRILL = "DRILL ";

	static final String DRILL_TEXT = "This is a FIRE DRILL: respond as you would for real (acknowledge, lead, mitigate); "
			+ "nothing is broken and customers hear nothing.\n\n";

	private final Incidents incidents;

	private final Alerts alerts;

	private final Catalog catalog;

	private final AckLinks ackLinks;

	private final AlertCodes alertCodes;

	private final String baseUrl;

	private final DeliveryStore pages;

	private final Runbooks runbooks;

	MessageWriter(Incidents incidents, Alerts alerts, Catalog catalog, AckLinks ackLinks, AlertCodes alertCodes,
			@Value("${firebreak.base-url}") String baseUrl, DeliveryStore pages, Runbooks runbooks) {
		this.pages = pages;
		this.runbooks = runbooks;
		this.incidents = incidents;
		this.alerts = alerts;
		this.catalog = catalog;
		this.ackLinks = ackLinks;
		this.alertCodes = alertCodes;
		this.baseUrl = WebhookHttp.withoutTrailingSlash(baseUrl);
	}

	/** The message one row carries on its own. */
	OutboundMessage write(DeliveryRow row) {
		return switch (row.kind()) {
			case PAGE -> page(row.subject(), row.accountId(), row.reason(), runbookOf(row.pageKey()));
			case TEST, NOTICE, ANNOUNCEMENT -> notice(row.title(), row.body(), row.link());
		};
	}

	/** One message for several rows that waited for the same contact method: "3 pages: INC-4 …, INC-5 …". */
	OutboundMessage bundle(List<DeliveryRow> rows) {
		var parts = rows.stream().map(this::write).toList();
		var pages = rows.stream().allMatch(row -> row.kind() == DeliveryRow.Kind.PAGE);
		var head = rows.size() + (pages ? " pages: " : " messages: ");
		var labels = parts.stream().map(OutboundMessage::title).toList();
		var text = new StringBuilder(head.strip()).append("\n");
		for (var part : parts) {
			text.append("\n").append(part.title()).append("\n");
			if (part.acknowledgeUrl() != null) {
				text.append("Acknowledge: ").append(part.acknowledgeUrl()).append("\n");
			}
			if (part.link() != null) {
				text.append("Open: ").append(part.link()).append("\n");
			}
		}
		var codes = parts.stream().map(OutboundMessage::replyCode).filter(Objects::nonNull).toList();
		var shortLabels = java.util.stream.IntStream.range(0, rows.size())
			.mapToObj(i -> rows.get(i).incidentNumber() != null ? Incident.PREFIX + rows.get(i).incidentNumber()
					: parts.get(i).replyCode() != null ? parts.get(i).replyCode() : cut(parts.get(i).title(), 30))
			.collect(Collectors.joining(", "));
		var reply = codes.isEmpty() ? "" : " Reply with a number" + (rows.stream().anyMatch(row -> row.alertId() != null)
				? " or A-code" : "") + " to acknowledge.";
		return new OutboundMessage(cut(head + String.join(", ", labels), TITLE_MAX), text.toString(),
				cut(head + shortLabels, SHORT_MAX - reply.length()) + reply, baseUrl + "/", null, null, null,
				parts.stream().anyMatch(OutboundMessage::drill));
	}

	/** A page without a runbook. */
	OutboundMessage page(Subject subject, UUID accountId, String reason) {
		return page(subject, accountId, reason, null);
	}

	OutboundMessage page(Subject subject, UUID accountId, String reason, RunbookLink runbook) {
		return subject.incidentNumber() != null ? incident(subject.incidentNumber(), accountId, reason, runbook)
				: alert(subject.alertId(), accountId, reason, runbook);
	}

	/** The runbook a page points to, as its message names it. */
	record RunbookLink(String title, String url) {

		String line() {
			return "Runbook: " + title + " — " + url + "\n";
		}
	}

	/** The runbook chosen when the page was accepted (the one its record names); null when it had none or it is gone. */
	private RunbookLink runbookOf(String pageKey) {
		if (pageKey == null) {
			return null;
		}
		return pages.runbookOfPage(pageKey).flatMap(runbooks::find)
			.map(runbook -> new RunbookLink(runbook.title(), baseUrl + Runbooks.path(runbook.id()))).orElse(null);
	}

	/**
	 * A page's SMS: with the runbook's link only when the whole page still fits one segment with it
	 * (it rarely does: the link to the incident and how to acknowledge come first), else as fitted without.
	 */
	private static String sms(String keep, String head, String detail, String tail, RunbookLink runbook) {
		if (runbook != null) {
			var whole = TwilioSmsText.of(keep + head + detail + tail + " Runbook: " + runbook.url(),
					TwilioSmsText.CONCATENATED_SEPTETS);
			if (TwilioSmsText.septets(whole) <= TwilioSmsText.SEPTETS) {
				return whole;
			}
		}
		return TwilioSmsText.fit(keep, head, detail, tail);
	}

	OutboundMessage notice(String title, String body, String link) {
		var text = body == null ? title : body;
		if (link != null) {
			text = text + "\n\n" + link;
		}
		// a notice about a fire drill is written with DRILL first (a reminder, a channel's announcement of a page)
		return new OutboundMessage(cut(title, TITLE_MAX), text, cut(title + (body == null ? "" : ": " + body), SHORT_MAX),
				link, null, null, null, title.startsWith(DRILL));
	}

	/** The message that carries a verification code: it proves the address reaches its owner. */
	static OutboundMessage verification(String code) {
		var text = "Your Firebreak verification code is " + code
				+ ". Enter it where you added this contact method; it proves pages will reach you here.";
		return new OutboundMessage("Firebreak verification code " + code, text, cut(text, SHORT_MAX), null, null, null);
	}

	private OutboundMessage incident(long number, UUID accountId, String reason, RunbookLink runbook) {
		var id = Incident.PREFIX + number;
		var link = baseUrl + "/incidents/" + id;
		var code = Long.toString(number);
		var found = incidents.find(number);
		var ack = accountId == null ? null : ackLinks.link(Subject.incident(number), accountId);
		var smsTail = " Reply " + code + " to ack. " + link;
		if (found.isEmpty()) {
			var text = id + "\nWhy you: " + orNone(reason) + "\n\nAcknowledge: " + ack + "\nOpen: " + link + "\n"
					+ (runbook == null ? "" : runbook.line());
			return new OutboundMessage(id, text, cut(id + ". Reply " + code + " to acknowledge.", SHORT_MAX), link, ack, code,
					sms(id + ".", "", "", smsTail, runbook));
		}
		var incident = found.get();
		var severity = incident.severity() == null ? "unclassified" : incident.severity().name();
		var services = catalog.services(incident.affectedServiceIds()).values().stream().map(Service::name).sorted()
			.collect(Collectors.joining(", "));
		var mark = incident.drill() ? DRILL : "";
		var title = mark + "[" + severity + "] " + id + " " + incident.title() + (services.isEmpty() ? "" : " — " + services);
		var text = new StringBuilder(title).append("\n\n").append(incident.drill() ? DRILL_TEXT : "")
			.append("Severity: ").append(severity).append("\n")
			.append("Services: ").append(services.isEmpty() ? "none named yet" : services).append("\n")
			.append("Status: ").append(incident.status().toString().toLowerCase(Locale.ROOT)).append("\n");
		if (incident.summary() != null && !incident.summary().isBlank()) {
			text.append("Summary: ").append(incident.summary()).append("\n");
		}
		text.append("Why you: ").append(orNone(reason)).append("\n\n");
		if (ack != null) {
			text.append("Acknowledge with one click: ").append(ack).append("\n");
		}
		text.append("Or reply ").append(code).append(" to an SMS page to acknowledge.\n");
		text.append("Open the incident: ").append(link).append("\n");
		if (runbook != null) {
			text.append(runbook.line());
		}
		var suffix = " Reply " + code + " to ack.";
		var head = " " + incident.title() + (services.isEmpty() ? "" : " (" + services + ")");
		var summary = incident.summary() == null || incident.summary().isBlank() ? "" : ": " + incident.summary();
		var shortText = cut(mark + severity + " " + id + head + summary, SHORT_MAX - suffix.length()) + suffix;
		// the link has to be in an SMS: the summary gives way first, then the title
		var sms = sms(mark + severity + " " + id, head, summary, smsTail, runbook);
		return new OutboundMessage(cut(title, TITLE_MAX), text.toString(), shortText, link, ack, code, sms, incident.drill());
	}

	/**
	 * An alert that opened no incident says the same as an incident's page: severity, service,
	 * summary, how to acknowledge (the signed link, the reply code {@code A7}) and the link to it.
	 */
	private OutboundMessage alert(UUID alertId, UUID accountId, String reason, RunbookLink runbook) {
		var link = baseUrl + "/alerts/" + alertId;
		var found = alerts.find(alertId);
		if (found.isEmpty()) {
			var title = "Alert " + alertId;
			return new OutboundMessage(title, title + "\nWhy you: " + orNone(reason) + "\n\nOpen: " + link + "\n",
					cut(title, SHORT_MAX), link, null, null);
		}
		Alert alert = found.get();
		var code = alertCodes.codeOf(alertId);
		var ack = accountId == null ? null : ackLinks.link(Subject.alert(alertId), accountId);
		var service = alert.serviceId() == null ? "" : catalog.service(alert.serviceId()).map(Service::name).orElse("");
		var severity = alert.severity().toString().toUpperCase(Locale.ROOT);
		var mark = alert.drill() ? DRILL : "";
		var title = mark + "[" + severity + "] Alert: " + alert.summary() + (service.isEmpty() ? "" : " — " + service);
		var text = new StringBuilder(title).append("\n\n").append(alert.drill() ? DRILL_TEXT : "")
			.append("Severity: ").append(severity).append("\n")
			.append("Service: ").append(service.isEmpty() ? "none" : service).append("\n")
			.append("Summary: ").append(alert.summary()).append("\n")
			.append("Source: ").append(orNone(alert.source())).append("\n")
			.append("Occurrences: ").append(alert.occurrences()).append("\n")
			.append("Why you: ").append(orNone(reason)).append("\n\n");
		if (ack != null) {
			text.append("Acknowledge with one click: ").append(ack).append("\n");
		}
		text.append("Or reply ").append(code).append(" to an SMS page to acknowledge.\n");
		text.append("Open the alert: ").append(link).append("\n");
		if (runbook != null) {
			text.append(runbook.line());
		}
		var named = service.isEmpty() ? "" : " (" + service + ")";
		var suffix = " Reply " + code + " to ack.";
		var shortText = cut(mark + severity + " alert " + code + ": " + alert.summary() + named, SHORT_MAX - suffix.length()) + suffix;
		// as an incident's: the code and the link stay, the service gives way first, then the summary
		var sms = sms(mark + severity + " alert " + code + ":", " " + alert.summary(), named,
				" Reply " + code + " to ack. " + link, runbook);
		return new OutboundMessage(cut(title, TITLE_MAX), text.toString(), shortText, link, ack, code, sms, alert.drill());
	}

	private static String orNone(String text) {
		return text == null || text.isBlank() ? "you are on call" : text;
	}

	/** At most {@code max} characters, with an ellipsis where it was cut. */
	static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		return text.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
	}
}
