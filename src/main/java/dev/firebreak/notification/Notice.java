package dev.firebreak.notification;

/**
 * A message that is not a page: a shift hand-off, an on-call change posted to a channel.
 *
 * @param key sent once per key and recipient
 * @param link where to read more; null for none
 */
public record Notice(String key, String title, String text, String link) {
}
