package dev.firebreak.notification.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import dev.firebreak.alerting.Alerts;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.Subject;

/**
 * The one-click acknowledge link from a message, about an incident or an alert that opened none.
 * The signed link is the credential (no sign-in). GET only shows what it is about and a button,
 * because mail scanners open links to look at them; the POST of the button acknowledges. A changed
 * or expired link changes nothing.
 */
@Controller
class AckPages {

	static final String VIEW = "notification/ack";

	private static final String VIA = "one-click link";

	private final AckLinks links;

	private final Incidents incidents;

	private final Alerts alerts;

	private final Accounts accounts;

	private final AuditLog audit;

	AckPages(AckLinks links, Incidents incidents, Alerts alerts, Accounts accounts, AuditLog audit) {
		this.audit = audit;
		this.links = links;
		this.incidents = incidents;
		this.alerts = alerts;
		this.accounts = accounts;
	}

	@GetMapping(AckLinks.PATH + "{token}")
	ModelAndView show(@PathVariable String token) {
		var ack = links.read(token);
		var refused = refusal(ack);
		if (refused != null) {
			return refused;
		}
		var page = page(HttpStatus.OK, ack, token);
		page.addObject("state", "ask");
		return page;
	}

	@PostMapping(AckLinks.PATH + "{token}")
	ModelAndView acknowledge(@PathVariable String token) {
		var ack = links.read(token);
		var refused = refusal(ack);
		if (refused != null) {
			return refused;
		}
		var subject = ack.subject();
		var done = subject.incidentNumber() != null ? incidents.acknowledge(subject.incidentNumber(), ack.accountId(), VIA)
				: alerts.acknowledge(subject.alertId(), ack.accountId(), VIA);
		if (done) {
			// the request has no signed-in person: the audit row names whose link it was
			audit.record("notification.acknowledged_by_link", subject.incidentNumber() != null ? "incident" : "alert",
					subject.incidentNumber() != null ? Incident.PREFIX + subject.incidentNumber() : subject.alertId().toString(),
					"by " + accounts.find(ack.accountId()).map(a -> a.email()).orElse(ack.accountId().toString())
							+ " through a signed one-click link");
		}
		var page = page(HttpStatus.OK, ack, token);
		page.addObject("state", done ? "acknowledged" : "already");
		return page;
	}

	private ModelAndView refusal(AckLinks.Ack ack) {
		if (ack == null) {
			return problem(HttpStatus.BAD_REQUEST, "This link is not valid",
					"The link is incomplete or was changed, so Firebreak cannot tell what it acknowledges. Copy the whole link "
							+ "from the message, or open the incident or alert in Firebreak and acknowledge it there. Nothing was changed.");
		}
		if (ack.expired()) {
			var what = ack.subject().incidentNumber() != null ? Incident.PREFIX + ack.subject().incidentNumber() : "the alert";
			return problem(HttpStatus.GONE, "This link has expired",
					"Acknowledge links work for a limited time after they were sent. Open " + what
							+ " in Firebreak and acknowledge it there. Nothing was changed.");
		}
		if (about(ack.subject()).isEmpty() || accounts.find(ack.accountId()).isEmpty()) {
			return problem(HttpStatus.GONE, "Nothing to acknowledge",
					"The incident or alert, or the person this link was made for, no longer exists. Nothing was changed.");
		}
		return null;
	}

	private ModelAndView page(HttpStatus status, AckLinks.Ack ack, String token) {
		var page = new ModelAndView(VIEW, status);
		page.addObject("token", token);
		page.addObject("about", about(ack.subject()).orElseThrow());
		page.addObject("person", accounts.find(ack.accountId()).map(a -> a.displayName()).orElse(""));
		return page;
	}

	/** What the link acknowledges, as it stands now, in the words the page shows. */
	private Optional<Acknowledgeable> about(Subject subject) {
		if (subject.incidentNumber() != null) {
			return incidents.find(subject.incidentNumber()).map(incident -> {
				var severity = incident.severity() == null ? "unclassified" : incident.severity().name();
				return new Acknowledgeable("incident", incident.id(), incident.id() + " " + incident.title(), severity,
						"sev-" + severity, incident.status().toString(), incident.summary(), "/incidents/" + incident.id());
			});
		}
		return alerts.find(subject.alertId()).map(alert -> new Acknowledgeable("alert", "The alert",
				"Alert: " + alert.summary(), alert.severity().toString().toUpperCase(Locale.ROOT),
				"alert-sev-" + alert.severity(), alert.status().toString(), null, "/alerts/" + alert.id()));
	}

	private static ModelAndView problem(HttpStatus status, String title, String detail) {
		var page = new ModelAndView(VIEW, status);
		page.addObject("state", "refused");
		page.addObject("title", title);
		page.addObject("detail", detail);
		return page;
	}

	/**
	 * @param noun "incident" or "alert"
	 * @param name how a sentence names it: {@code INC-42}, "The alert"
	 * @param severityClass the style of its severity badge
	 * @param summary null for none
	 */
	record Acknowledgeable(String noun, String name, String heading, String severity, String severityClass, String status,
			String summary, String href) {
	}
}
