package dev.firebreak.notification.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.firebreak.notification.ContactType;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/** What an address of each contact type must look like, and how it is shown to others. */
final class Addresses {

	static final int MAX = 2000;

	static final int EMAIL_MAX = 320;

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

	private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{6,20}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private Addresses() {
	}

	/** The address in its stored form, or a 400 naming {@code /address} and what it should look like. */
	static String valid(ContactType type, String address) {
		var given = Text.required("/address", address, MAX, "where messages of this type go");
		return switch (type) {
			case EMAIL -> email(given);
			case SMS, VOICE -> phone(given.replace(" ", ""));
			case SLACK_DM -> {
				if (!SLACK_USER.matcher(given).matches()) {
					throw Problems.invalid("/address", "'" + given + "' is not a Slack user id; it looks like U012AB3CD "
							+ "(in Slack: the person's profile, ⋮, Copy member ID)");
				}
				yield given;
			}
			case WEBHOOK -> url(given);
		};
	}

	/** Phone numbers are shown as {@code +49•••••1234}; a webhook by its host; the others as they are. */
	static String mask(ContactType type, String address) {
		if (type == null || address == null) {
			return address;
		}
		return switch (type) {
			case SMS, VOICE -> address.length() <= 7 ? "•••" : address.substring(0, 3) + "•••••" + address.substring(address.length() - 4);
			case WEBHOOK -> host(address);
			default -> address;
		};
	}

	private static String email(String given) {
		if (given.length() > EMAIL_MAX || !EMAIL.matcher(given).matches()) {
			throw Problems.invalid("/address", "'" + given + "' is not an e-mail address like name@example.com");
		}
		try {
			new InternetAddress(given, true);
		}
		catch (AddressException e) {
			throw Problems.invalid("/address", "'" + given + "' is not an e-mail address like name@example.com");
		}
		return given;
	}

	private static String phone(String given) {
		if (!E164.matcher(given).matches()) {
			throw Problems.invalid("/address", "'" + given + "' is not a phone number in international (E.164) form: "
					+ "a plus, the country code and the number, like +4915112345678");
		}
		return given;
	}

	private static String url(String given) {
		try {
			var uri = new URI(given);
			var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getUserInfo() == null) {
				return given;
			}
		}
		catch (URISyntaxException e) {
			// answered below, in the same words as any other unusable URL
		}
		throw Problems.invalid("/address", "'" + given + "' is not a web address Firebreak can post to; give an "
				+ "https:// (or http://) URL with a host, like https://hooks.example.com/firebreak");
	}

	static String host(String url) {
		try {
			var uri = new URI(url);
			return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
		}
		catch (URISyntaxException e) {
			return "…";
		}
	}
}
