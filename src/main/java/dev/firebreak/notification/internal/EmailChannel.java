package dev.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.firebreak.notification.ContactType;

/**
 * E-mail through the configured SMTP server: plain text with an HTML alternative that carries
 * the one-click acknowledge button. A server that is down or busy is worth trying again; an
 * address it refuses is not.
 */
@Component
class EmailChannel implements Channel {

	static final String TEMPLATE = "notification/mail/message";

	private final JavaMailSender mail;

	private final ITemplateEngine templates;

	private final NotificationSettings settings;

	EmailChannel(JavaMailSender mail, ITemplateEngine templates, NotificationSettings settings) {
		this.mail = mail;
		this.templates = templates;
		this.settings = settings;
	}

	@Override
	public Set<ContactType> sendsTo() {
		return Set.of(ContactType.EMAIL);
	}

	@Override
	public String send(Destination to, OutboundMessage message) throws DeliveryException {
		var mime = mail.createMimeMessage();
		try {
			var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
			helper.setFrom(settings.email().from());
			helper.setTo(to.address());
			helper.setSubject(message.title());
			helper.setText(message.text(), html(message));
		}
		catch (MessagingException | IllegalArgumentException e) {
			throw new DeliveryException("The e-mail could not be written: " + e.getMessage(), false, e);
		}
		try {
			mail.send(mime);
			return "smtp accepted " + mime.getMessageID();
		}
		catch (MailParseException | MailPreparationException e) {
			throw new DeliveryException("The e-mail could not be written: " + e.getMessage(), false, e);
		}
		catch (MailSendException e) {
			var refused = e.getFailedMessages().values().stream()
				.anyMatch(failure -> failure instanceof SendFailedException sendFailed
						&& sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0);
			throw new DeliveryException((refused ? "The mail server refused the address: " : "The mail server could not be reached: ")
					+ rootMessage(e), !refused, e);
		}
		catch (MailException e) {
			throw new DeliveryException("The mail server did not take the e-mail: " + rootMessage(e), true, e);
		}
		catch (MessagingException e) {
			throw new DeliveryException("The e-mail has no message id: " + e.getMessage(), false, e);
		}
	}

	private String html(OutboundMessage message) {
		var context = new Context();
		context.setVariable("title", message.title());
		context.setVariable("lines", Arrays.asList(message.text().split("\n", -1)));
		context.setVariable("link", message.link());
		context.setVariable("acknowledgeUrl", message.acknowledgeUrl());
		return templates.process(TEMPLATE, context);
	}

	private static String rootMessage(Throwable e) {
		var root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
