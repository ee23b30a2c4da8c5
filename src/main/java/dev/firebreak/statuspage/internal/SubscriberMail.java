package dev.firebreak.statuspage.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The mail subscribers get: plain text with an HTML alternative. Every mail but the confirmation
 * carries a one-click unsubscribe (RFC 8058): the link in the text, and the {@code List-Unsubscribe}
 * and {@code List-Unsubscribe-Post} headers with which a mail client unsubscribes by one POST.
 */
@Component
class SubscriberMail {

	static final String TEMPLATE = "statuspage/subscribe-mail";

	private final JavaMailSender mail;

	private final ITemplateEngine templates;

	private final String from;

	SubscriberMail(JavaMailSender mail, ITemplateEngine templates,
			@Value("${firebreak.notification.email.from}") String from) {
		this.mail = mail;
		this.templates = templates;
		this.from = from;
	}

	/** A mail's words, before the footer that is the subscriber's own. */
	record Words(String subject, String text) {
	}

	/** A public update of an incident or a maintenance. */
	static Words update(PageSettings page, String subjectName, boolean maintenance, PublicUpdate update, String link) {
		var status = PublicView.words(update.status());
		var subject = "[" + page.name() + "] " + (maintenance ? "Scheduled maintenance: " : "") + subjectName + " — "
				+ status;
		var text = new StringBuilder(subjectName).append('\n')
			.append(status).append(" — ").append(time(update.displayAt(), page.timeZone())).append("\n\n")
			.append(update.body().strip()).append("\n\n");
		var affected = update.affected().stream().map(PublicUpdate.AffectedComponent::name).toList();
		if (!affected.isEmpty()) {
			text.append("Affected: ").append(String.join(", ", affected)).append('\n');
		}
		text.append("Follow it on the status page: ").append(link).append('\n');
		return new Words(subject, text.toString());
	}

	/** The reminder before a maintenance starts. */
	static Words reminder(PageSettings page, Maintenance m, List<String> components, String link) {
		var zone = page.timeZone();
		var subject = "[" + page.name() + "] Reminder: scheduled maintenance " + m.name() + " on "
				+ time(m.scheduledFor(), zone);
		var text = "Reminder: scheduled maintenance\n\n" + m.name() + "\n"
				+ "From " + time(m.scheduledFor(), zone) + " to " + time(m.scheduledUntil(), zone) + "\n"
				+ (components.isEmpty() ? "" : "Affects: " + String.join(", ", components) + "\n") + "\n"
				+ "Details on the status page: " + link + "\n";
		return new Words(subject, text);
	}

	/** The footer every mail but the confirmation ends with. */
	static String footer(PageSettings page, Subscriber subscriber, List<String> components, String unsubscribeUrl) {
		return "\n—\nYou get this because you subscribed to updates of " + page.name()
				+ (subscriber.everything() || components.isEmpty() ? "" : " about " + String.join(", ", components))
				+ ".\nUnsubscribe with one click: " + unsubscribeUrl + "\n";
	}

	/** Sends an update or a reminder, with its one-click unsubscribe. */
	void send(String to, String subject, String text, String unsubscribeUrl) {
		write(to, subject, text, null, null, unsubscribeUrl);
	}

	/** The mail asking the address's owner to confirm; nothing else goes to an address before it. */
	void sendConfirmation(PageSettings page, String to, List<String> components, String confirmUrl, Instant expires) {
		var subject = "[" + page.name() + "] Confirm your subscription to status updates";
		var text = "Someone, probably you, asked to get updates of " + page.name() + " at this address"
				+ (components.isEmpty() ? "" : " about " + String.join(", ", components)) + ".\n\n"
				+ "To confirm, open this link and press the button:\n" + confirmUrl + "\n\n"
				+ "The link works until " + time(expires, page.timeZone()) + ". If you did not ask, ignore this "
				+ "mail: nothing more will be sent to you.\n";
		write(to, subject, text, "Confirm subscription", confirmUrl, null);
	}

	private void write(String to, String subject, String text, String action, String actionUrl,
			String unsubscribeUrl) {
		var message = mail.createMimeMessage();
		try {
			var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, html(subject, text, action, actionUrl, unsubscribeUrl));
			if (unsubscribeUrl != null) {
				message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			// no vacation replies to an automatic mail (RFC 3834)
			message.setHeader("Auto-Submitted", "auto-generated");
		}
		catch (MessagingException | IllegalArgumentException e) {
			throw new IllegalStateException("The mail could not be written: " + e.getMessage(), e);
		}
		mail.send(message);
	}

	private String html(String title, String text, String action, String actionUrl, String unsubscribeUrl) {
		var context = new Context(Locale.ENGLISH);
		context.setVariable("title", title);
		context.setVariable("lines", Arrays.asList(text.split("\n", -1)));
		context.setVariable("action", action);
		context.setVariable("actionUrl", actionUrl);
		context.setVariable("unsubscribeUrl", unsubscribeUrl);
		return templates.process(TEMPLATE, context);
	}

	private static String time(Instant at, ZoneId zone) {
		return PublicView.time(at, zone);
	}
}
