package dev.firebreak.escalation;

import java.time.Duration;
import java.util.List;

/**
 * One step of a policy: the targets paged together, and how long they have to acknowledge before
 * the next level is paged.
 *
 * @param delay null: the ack target of the incident's severity (SEV1 5 minutes, SEV2 15)
 */
public record EscalationLevel(Duration delay, List<EscalationTarget> targets) {
}
