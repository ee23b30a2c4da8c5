package dev.firebreak.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message in Slack's Block Kit, the same in a direct message and through an incoming webhook:
 * {@code text} (what notifications and screen readers show), a section with the title in bold and
 * the text, and a context line with links to the incident and to acknowledge it. Links rather
 * than buttons: a button would also call the Slack app's interactivity URL, which a bare bot or
 * incoming webhook does not have.
 */
final class SlackBlocks {

	/** Slack refuses a section text longer than this. */
	static final int SECTION_CHARS = 3000;

	private SlackBlocks() {
	}

	/** {@code {text, blocks}}, to which a direct message adds its channel. */
	static Map<String, Object> message(OutboundMessage message) {
		var body = new LinkedHashMap<String, Object>();
		body.put("text", escape(message.title()));
		body.put("blocks", blocks(message));
		return body;
	}

	private static List<Object> blocks(OutboundMessage message) {
		var section = "*" + escape(message.title()) + "*\n" + escape(message.text());
		if (section.length() > SECTION_CHARS) {
			section = section.substring(0, SECTION_CHARS - 1) + "…";
		}
		var blocks = new ArrayList<Object>();
		blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", section)));
		var links = new ArrayList<Object>();
		if (message.link() != null) {
			links.add(Map.of("type", "mrkdwn", "text", link(message.link(), "Open in Firebreak")));
		}
		if (message.acknowledgeUrl() != null) {
			links.add(Map.of("type", "mrkdwn", "text", link(message.acknowledgeUrl(), "Acknowledge")));
		}
		if (!links.isEmpty()) {
			blocks.add(Map.of("type", "context", "elements", links));
		}
		return blocks;
	}

	private static String link(String url, String label) {
		return "<" + url.replace("|", "%7C").replace(">", "%3E") + "|" + label + ">";
	}

	/** Slack's mrkdwn reads {@code & < >} as markup: they must be sent as entities. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
