package dev.firebreak.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) for the whole test JVM, on a free port chosen once, so the one
 * application context per database can point {@code spring.mail.*} at it. A test can stop it (the
 * mail server is down) and start it again on the same port.
 */
public final class TestMail {

	private static ServerSetup setup;

	private static GreenMail server;

	private static final List<MimeMessage> before = new ArrayList<>();

	private TestMail() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		start();
		registry.add("spring.mail.host", () -> setup.getBindAddress());
		registry.add("spring.mail.port", () -> setup.getPort());
	}

	public static synchronized void start() {
		if (server != null) {
			return;
		}
		if (setup == null) {
			setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		}
		server = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		server.start();
	}

	/** The mail server goes down: sending fails until {@link #start()}. Mail received so far is kept. */
	public static synchronized void stop() {
		if (server != null) {
			before.addAll(Arrays.asList(server.getReceivedMessages()));
			server.stop();
			server = null;
		}
	}

	/** Every message received for this address, oldest first. */
	public static synchronized List<MimeMessage> to(String address) {
		var all = new ArrayList<>(before);
		if (server != null) {
			all.addAll(Arrays.asList(server.getReceivedMessages()));
		}
		return all.stream().filter(message -> addressedTo(message, address)).toList();
	}

	/** The plain-text part of a message. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	/** The HTML part of a message. */
	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String part(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return part.getContent().toString();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (var i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					var found = part(body, type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("No free port for the test mail server", e);
		}
	}
}
