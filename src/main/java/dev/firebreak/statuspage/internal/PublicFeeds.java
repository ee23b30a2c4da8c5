package dev.firebreak.statuspage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * The page's history as Atom and RSS (written by ROME): one entry per incident and per maintenance,
 * its public updates as the content, newest change first.
 */
final class PublicFeeds {

	static final String ATOM = "atom_1.0";

	static final String RSS = "rss_2.0";

	private PublicFeeds() {
	}

	static String write(PageData data, String type, int listed) {
		var zone = data.settings().timeZone();
		var feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(data.settings().name() + " status history");
		feed.setLink(data.url());
		feed.setUri(data.url() + "/history.atom");
		feed.setDescription("Incidents and maintenance of " + data.settings().name());
		feed.setPublishedDate(Date.from(data.lastChange()));
		var entries = new ArrayList<Dated>();
		for (var incident : data.incidents()) {
			var url = data.url() + "/incidents/" + incident.id();
			entries.add(new Dated(incident.updatedAt().toEpochMilli(), entry(incident.name(), url,
					incident.createdAt(), incident.updatedAt(), data.updatesOf(incident.id()), zone)));
		}
		for (var m : data.maintenances()) {
			var url = data.url() + "/maintenances/" + m.id();
			entries.add(new Dated(m.updatedAt().toEpochMilli(),
					entry(m.name(), url, m.createdAt(), m.updatedAt(), data.updatesOf(m.id()), zone)));
		}
		entries.sort(Comparator.comparingLong(Dated::at).reversed());
		feed.setEntries(entries.stream().limit(listed).map(Dated::entry).toList());
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException e) {
			throw new IllegalStateException("The status feed could not be written", e);
		}
	}

	private static SyndEntry entry(String title, String url, java.time.Instant created, java.time.Instant updated,
			List<PublicUpdate> updates, java.time.ZoneId zone) {
		var entry = new SyndEntryImpl();
		entry.setTitle(title);
		entry.setLink(url);
		entry.setUri(url);
		entry.setPublishedDate(Date.from(created));
		entry.setUpdatedDate(Date.from(updated));
		var html = new StringBuilder();
		for (var u : updates) {
			html.append("<p><small>").append(HtmlUtils.htmlEscape(PublicView.time(u.displayAt(), zone)))
				.append("</small><br><strong>").append(HtmlUtils.htmlEscape(PublicView.words(u.status())))
				.append("</strong> - ").append(HtmlUtils.htmlEscape(u.body())).append("</p>");
		}
		var content = new SyndContentImpl();
		content.setType("text/html");
		content.setValue(html.toString());
		entry.setDescription(content);
		return entry;
	}

	private record Dated(long at, SyndEntry entry) {
	}
}
