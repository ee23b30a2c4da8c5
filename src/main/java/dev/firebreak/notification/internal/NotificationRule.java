package dev.firebreak.notification.internal;

import java.time.Instant;
import java.util.UUID;

import dev.firebreak.notification.Urgency;

/** "For high urgency, this contact method after this many minutes." */
record NotificationRule(UUID id, UUID accountId, Urgency urgency, UUID contactMethodId, int delayMinutes,
		Instant createdAt) {
}
