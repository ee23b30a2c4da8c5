package dev.firebreak.postmortem.internal;

import java.util.ArrayList;

import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;
import dev.firebreak.postmortem.Postmortem;

/** How long each part of a post-mortem may be; ARCHITECTURE's summary limit for every section. */
final class Limits {

	static final int SECTION_MAX = 10_000;

	/** One "why" is one sentence or two, and five of them make the chain. */
	static final int WHY_MAX = 2_000;

	static final int ATTENDEES_MAX = 2_000;

	static final int NOTES_MAX = 10_000;

	private Limits() {
	}

	/** The sections checked and trimmed; blank ones stored as absent, blank whys dropped. */
	static Postmortem.Sections checked(Postmortem.Sections s) {
		var why = new ArrayList<String>();
		if (s.why().size() > PostmortemStore.WHYS) {
			throw Problems.invalid("/why", "why has " + s.why().size() + " entries; five whys at most, each asking why of the one before");
		}
		for (var i = 0; i < s.why().size(); i++) {
			var answer = Text.optional("/why/" + i, s.why().get(i), WHY_MAX);
			if (answer != null && !answer.isEmpty()) {
				why.add(answer);
			}
		}
		return new Postmortem.Sections(section("/what_happened", s.whatHappened()), why,
				section("/not_detected_sooner", s.notDetectedSooner()), section("/slowed_response", s.slowedResponse()),
				section("/prevents_recurrence", s.preventsRecurrence()), section("/went_well", s.wentWell()),
				section("/went_poorly", s.wentPoorly()));
	}

	static String attendees(String text) {
		return blankless(Text.optional("/attendees", text, ATTENDEES_MAX));
	}

	static String notes(String text) {
		return blankless(Text.optional("/notes", text, NOTES_MAX));
	}

	private static String section(String pointer, String text) {
		return blankless(Text.optional(pointer, text, SECTION_MAX));
	}

	private static String blankless(String text) {
		return text == null || text.isEmpty() ? null : text;
	}
}
