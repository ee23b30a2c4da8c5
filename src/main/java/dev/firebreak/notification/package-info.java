/**
 * Notification: how a person is reached. Their contact methods (e-mail, SMS, voice, Slack direct
 * message, push webhook), each verified with a test message; their own rules per urgency ("high:
 * e-mail at once, SMS at 2 minutes, a call at 5"); the channels (SMTP, a Twilio-compatible API,
 * Slack, Microsoft Teams, signed webhooks); and the delivery log: every message a row with its
 * status and the provider's answer, retried with backoff, throttled per contact method, sent once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package dev.firebreak.notification;
