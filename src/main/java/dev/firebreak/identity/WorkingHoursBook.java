package dev.firebreak.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** People's working hours, for telling what happened out of hours (pages at night are the basis for comp time). */
public interface WorkingHoursBook {

	/**
	 * The working hours of each of these accounts that exists: their own, or the policy's business
	 * hours ({@code firebreak.policy.business-hours}) for those who set none. Read them in the
	 * account's time zone ({@link Account#timeZone()}).
	 */
	Map<UUID, WorkingHours> of(Collection<UUID> accountIds);
}
