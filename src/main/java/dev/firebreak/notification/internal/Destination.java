package dev.firebreak.notification.internal;

import dev.firebreak.notification.ContactType;

/**
 * Where one message goes.
 *
 * @param address an e-mail address, an E.164 phone number, a Slack user id, a webhook URL
 * @param secret the webhook's signing secret (Standard Webhooks {@code whsec_…}); null for the others
 */
record Destination(ContactType type, String address, String secret) {
}
