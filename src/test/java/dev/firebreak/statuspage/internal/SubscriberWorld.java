package dev.firebreak.statuspage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import dev.firebreak.notification.TestMail;

/** A reader of the public page: the subscribe form, the links in the mail, as a browser and a mail client use them. */
final class SubscriberWorld {

	private static final Pattern CONFIRM = Pattern.compile("https?://\\S+/status/subscribe/confirm/\\S+");

	private final MockMvc mvc;

	/** The reader's own client address, so the form's throttle counts this test's requests only. */
	final String clientAddress = "198.51.100." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID();

	SubscriberWorld(MockMvc mvc) {
		this.mvc = mvc;
	}

	static String address(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	MockHttpServletResponse subscribe(String email, String... componentIds) throws Exception {
		var request = post("/status/subscribe").with(csrf()).param("email", email).with(r -> {
			r.setRemoteAddr(clientAddress);
			return r;
		});
		for (var id : componentIds) {
			request.param("component", id);
		}
		var response = mvc.perform(request).andReturn().getResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response;
	}

	/** The link in the latest confirmation mail to this address, as a path. */
	static String confirmLink(String email) {
		var mails = TestMail.to(email).stream().filter(m -> TestMail.subject(m).contains("Confirm your subscription"))
			.toList();
		assertThat(mails).as("confirmation mails to %s", email).isNotEmpty();
		var matcher = CONFIRM.matcher(TestMail.text(mails.get(mails.size() - 1)));
		assertThat(matcher.find()).isTrue();
		return URI.create(matcher.group()).getPath();
	}

	MockHttpServletResponse open(String path) throws Exception {
		var response = mvc.perform(get(path)).andReturn().getResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response;
	}

	/** A POST without session or CSRF token: the button on the link's page, or a mail client's one click. */
	MockHttpServletResponse press(String path) throws Exception {
		var response = mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")).andReturn().getResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response;
	}

	/** Mail to this address other than the confirmation. */
	static List<MimeMessage> updatesTo(String email) {
		return TestMail.to(email).stream().filter(m -> !TestMail.subject(m).contains("Confirm your subscription"))
			.toList();
	}

	static String header(MimeMessage message, String name) {
		try {
			var values = message.getHeader(name);
			return values == null ? null : values[0];
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
