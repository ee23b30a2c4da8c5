package dev.firebreak.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * Maintenance windows for other capabilities (the status page's scheduled maintenance silences
 * paging on the services it covers through them). Every change is audited.
 */
public interface MaintenanceCalendar {

	/** Plans a window on a service; refused (400) when the times are wrong or it lasts over 7 days. */
	MaintenanceWindow plan(UUID serviceId, Instant startsAt, Instant endsAt, String reason, UUID by);

	/** Ends an open window now or cancels a planned one; one that already ended is left as history. */
	void finish(UUID windowId);
}
