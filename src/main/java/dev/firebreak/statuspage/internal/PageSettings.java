package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The page's own settings: its name, logo, colour and time zone, and the host name it may also be
 * served on; {@code revision} counts the changes to anything the page shows.
 */
record PageSettings(String pageId, String name, String logoUrl, String logoAlt, String brandColour, ZoneId timeZone,
		String hostName, long revision, Instant updatedAt) {
}
