package dev.firebreak.comms.writing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The writing rules every public update is checked against before it is posted (PRODUCT §1.5). */
public enum Rule {

	/** An internal service or team name from the catalog appears in public text. */
	INTERNAL_NAME,
	/** Engineering jargon customers should not have to decode. */
	JARGON,
	/** An HTTP error status, exception name or error code. */
	ERROR_CODE,
	/** A vague phrase that does not say what users cannot do. */
	VAGUE,
	/** A promise of a quick fix before the fix is verified. */
	PREMATURE_PROMISE,
	/** "No impact" although customers reported problems. */
	NO_IMPACT_CLAIM,
	/** Public speculation about the cause. */
	SPECULATION,
	/** No product, region or customer group is named. */
	MISSING_SCOPE,
	/** No time is given for the next update (unless the update announces the resolution). */
	MISSING_NEXT_UPDATE,
	/** A clock time without its time zone. */
	TIME_WITHOUT_ZONE,
	/** The update opens with the team's work rather than what customers experience. */
	IMPACT_NOT_FIRST;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
