package dev.firebreak.notification;

import java.util.UUID;

/**
 * A request to page one person.
 *
 * @param key unique per (incident, escalation cycle, level, person): the same key is never paged twice;
 *        the notification module adds the contact method to it for each message
 * @param reason why this person, in words for the message and the log ("level 2 of Payments on-call")
 */
public record PageRequest(String key, UUID accountId, Urgency urgency, Subject subject, String reason) {
}
