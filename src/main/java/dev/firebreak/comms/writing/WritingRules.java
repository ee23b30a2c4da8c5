package dev.firebreak.comms.writing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PLACEHOLDER (drop at merge): checks a public update against the writing rules. */
public final class WritingRules {

	private WritingRules() {
	}

	public static List<Finding> check(Draft draft) {
		var findings = new ArrayList<Finding>();
		var lower = draft.text().toLowerCase(Locale.ROOT);
		for (var name : draft.internalNames()) {
			var at = lower.indexOf(name.toLowerCase(Locale.ROOT));
			if (at >= 0) {
				findings.add(new Finding(Rule.INTERNAL_NAME, draft.text().substring(at, at + name.length()), at,
						at + name.length(), "Internal service name", "Name what customers use instead"));
			}
		}
		var vague = "experiencing some issues";
		var at = lower.indexOf(vague);
		if (at >= 0) {
			findings.add(new Finding(Rule.VAGUE_PHRASE, draft.text().substring(at, at + vague.length()), at,
					at + vague.length(), "Vague phrase", "Say what does not work"));
		}
		return findings;
	}
}
