package dev.firebreak.notification.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.incident.Incidents;

/**
 * The one-click acknowledge link from a message. The signed link is the credential (no sign-in).
 * GET only shows the incident and a button, because mail scanners open links to look at them;
 * the POST of the button acknowledges. A changed or expired link changes nothing.
 */
@Controller
class AckPages {

	static final String VIEW = "notification/ack";

	private final AckLinks links;

	private final Incidents incidents;

	private final Accounts accounts;

	private final AuditLog audit;

	AckPages(AckLinks links, Incidents incidents, Accounts accounts, AuditLog audit) {
		this.audit = audit;
		this.links = links;
		this.incidents = incidents;
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
		var done = incidents.acknowledge(ack.incidentNumber(), ack.accountId(), "one-click link");
		if (done) {
			// the request has no signed-in person: the audit row names whose link it was
			audit.record("notification.acknowledged_by_link", "incident", "INC-" + ack.incidentNumber(),
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
							+ "from the message, or open the incident in Firebreak and acknowledge it there. Nothing was changed.");
		}
		if (ack.expired()) {
			return problem(HttpStatus.GONE, "This link has expired",
					"Acknowledge links work for a limited time after they were sent. Open INC-" + ack.incidentNumber()
							+ " in Firebreak and acknowledge it there. Nothing was changed.");
		}
		if (incidents.find(ack.incidentNumber()).isEmpty() || accounts.find(ack.accountId()).isEmpty()) {
			return problem(HttpStatus.GONE, "Nothing to acknowledge",
					"The incident or the person this link was made for no longer exists. Nothing was changed.");
		}
		return null;
	}

	private ModelAndView page(HttpStatus status, AckLinks.Ack ack, String token) {
		var page = new ModelAndView(VIEW, status);
		page.addObject("token", token);
		var incident = incidents.find(ack.incidentNumber()).orElseThrow();
		page.addObject("incident", incident);
		page.addObject("severity", incident.severity() == null ? "unclassified" : incident.severity().name());
		page.addObject("person", accounts.find(ack.accountId()).map(a -> a.displayName()).orElse(""));
		return page;
	}

	private static ModelAndView problem(HttpStatus status, String title, String detail) {
		var page = new ModelAndView(VIEW, status);
		page.addObject("state", "refused");
		page.addObject("title", title);
		page.addObject("detail", detail);
		return page;
	}
}
