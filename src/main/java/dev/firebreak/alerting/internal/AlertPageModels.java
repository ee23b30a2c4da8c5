package dev.firebreak.alerting.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Integration;
import dev.firebreak.catalog.Service;

/** Rows for the alerting pages' templates, and how they write a time. */
final class AlertPageModels {

	private AlertPageModels() {
	}

	record AlertRow(Alert alert, String service) {
	}

	record ServiceRow(Service service, String team) {
	}

	/**
	 * An integration as its page shows it.
	 *
	 * @param routingKey the key, for administrators only; null for everyone else
	 */
	/** @param heartbeat the schedule and state of a heartbeat integration, else null */
	record IntegrationRow(Integration integration, String routingKey, IntegrationSnippets.Snippet snippet,
			Heartbeat heartbeat) {

		public String type() {
			return integration.type().toString().replace('_', ' ');
		}
	}

	/**
	 * Times are written in UTC and say so, as on the incident pages, so responders in different
	 * places quote the same time to each other; the viewer's own time zone (from their account) is
	 * in the tooltip.
	 */
	static final class Times {

		private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
			.withZone(ZoneOffset.UTC);

		private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		private final ZoneId zone;

		Times(String timeZone) {
			this.zone = zoneOf(timeZone);
		}

		public String format(Instant at) {
			return at == null ? "—" : UTC.format(at);
		}

		/** The same instant in the viewer's time zone, for a tooltip; null when that is UTC anyway. */
		public String local(Instant at) {
			if (at == null || zone.normalized().equals(ZoneOffset.UTC)) {
				return null;
			}
			return LOCAL.withZone(zone).format(at) + " " + zone.getId() + " (your time zone)";
		}

		private static ZoneId zoneOf(String timeZone) {
			try {
				return timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
			}
			catch (DateTimeException e) {
				return ZoneOffset.UTC;
			}
		}
	}
}
