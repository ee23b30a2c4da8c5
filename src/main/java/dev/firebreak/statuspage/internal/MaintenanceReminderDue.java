package dev.firebreak.statuspage.internal;

import java.util.UUID;

/** A maintenance starts within the policy's reminder time: its subscribers are reminded, once. */
record MaintenanceReminderDue(UUID maintenanceId) {
}
