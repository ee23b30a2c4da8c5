package dev.firebreak.postmortem.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a post-mortem's sections for blame: a person named as the cause, and words that judge people
 * rather than describe what the system let happen. Pure: the names of the people are handed in.
 * Naming someone for what they did ("Alice rolled back at 14:02") is a fact, not blame; only cause
 * statements and judging words are flagged. Findings warn; they never block.
 */
final class BlamelessCheck {

	static final String SYSTEM_GAP = "Describe the gap in the system instead: what let this reach production unchecked? "
			+ "Name the missing guard rail, check or signal.";

	/** Words that judge a person, wherever they stand, each with its advice. */
	private static final List<Rule> WORDS = List.of(
			new Rule("judging_word", "\\bhuman[- ]error\\b",
					"\"Human error\" ends the inquiry where it should start. What made the error easy to make and hard to notice?"),
			new Rule("judging_word", "\\b(?:careless(?:ly|ness)?|sloppy|sloppiness|negligen(?:t|ce)|incompeten(?:t|ce)|reckless(?:ly)?|lazy|stupid)\\b",
					"Judging a person explains nothing. " + SYSTEM_GAP),
			new Rule("judging_word", "\\bshould(?:'ve| have) known\\b",
					"Hindsight: what information was missing at the time, and where should it have been shown?"),
			new Rule("judging_word", "\\bscrew(?:ed)? up\\b|\\bmessed up\\b|\\bdropped the ball\\b",
					"Say what happened and what the system did not catch. " + SYSTEM_GAP),
			new Rule("blame", "\\bblam(?:e|ed|es|ing)\\b",
					"A post-mortem looks for causes, not culprits. " + SYSTEM_GAP),
			new Rule("blame", "\\b(?:\\p{L}+)(?:'s|’s) fault\\b|\\bat fault\\b|\\bfault of\\b",
					"Nobody's fault is a cause. " + SYSTEM_GAP));

	/** Words standing for a person that blame words after them aim at, besides the people's names. */
	private static final String PERSONS = "(?:he|she|they|someone|somebody|the (?:engineer|developer|operator|on-call|oncall|admin|intern|author|reviewer))";

	/** Verbs that, with a person as their subject, make the person the cause. */
	private static final String CAUSE_VERBS = "(?:caused|forgot|failed to|neglected to|ignored|missed|broke|overlooked|"
			+ "didn't|did not|should have|was responsible for|is responsible for|is to blame|was to blame|messed up|screwed up)";

	private BlamelessCheck() {
	}

	/** One thing flagged: the section it is in, the offending words, why, and what to write instead. */
	record Finding(String section, String phrase, String rule, String suggestion) {
	}

	/**
	 * @param sections each section's name and text (texts may be null), in the order they are shown
	 * @param people the display names of the people who could be named; their first names count too
	 */
	static List<Finding> check(Map<String, String> sections, Collection<String> people) {
		var names = names(people);
		var findings = new ArrayList<Finding>();
		sections.forEach((section, text) -> {
			if (text != null && !text.isBlank()) {
				findings.addAll(check(section, text, names));
			}
		});
		return findings;
	}

	private static List<Finding> check(String section, String text, List<String> names) {
		var found = new ArrayList<Span>();
		for (var rule : WORDS) {
			var m = Pattern.compile(rule.regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
			while (m.find()) {
				found.add(new Span(m.start(), m.end(), rule.name, rule.suggestion));
			}
		}
		// names are matched as written: an account named "Max" is not "max connections"
		var named = "(?-i:" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")";
		var who = names.isEmpty() ? PERSONS : "(?:" + PERSONS + "|" + named + ")";
		// a person made the subject of a cause: "Bob forgot", "Alice's change caused", "Bob's bad deploy broke"
		causes(found, text, "\\b" + who + "(?:(?:'s|’s)\\s+(?:\\p{L}+\\s+){0,2}?(?:change|mistake|deploy|commit|error))?\\s+"
				+ CAUSE_VERBS + "\\b", "person_as_cause");
		// a person as the object of a cause: "caused by Bob", "because of Alice", "due to Bob"
		if (!names.isEmpty()) {
			causes(found, text, "\\b(?:caused by|because of|due to|root cause (?:is|was)|the cause (?:is|was))\\s+" + named + "\\b",
					"person_as_cause");
			if (section.startsWith("why")) {
				// a "why" answer is a cause statement: a person as its subject is the person made the cause
				causes(found, text, "(?:^|[.!?]\\s+)(?:because\\s+)?" + named + "\\b(?!(?:'s|’s)? (?:team|service|runbook))", "person_as_cause");
			}
		}
		found.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
		var findings = new ArrayList<Finding>();
		var end = -1;
		for (var span : found) {
			if (span.start() < end) {
				continue;
			}
			end = span.end();
			findings.add(new Finding(section, text.substring(span.start(), span.end()).strip().replaceFirst("^[.!?]\\s*", ""),
					span.rule(), span.suggestion()));
		}
		return findings;
	}

	private static void causes(List<Span> found, String text, String regex, String rule) {
		Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
		while (m.find()) {
			found.add(new Span(m.start(), m.end(), rule,
					"Name what the person met, not the person: which check, alert or safeguard was missing? " + SYSTEM_GAP));
		}
	}

	/** Full names and first names, longest first so "Alice Smith" wins over "Alice"; too-short tokens are left out. */
	private static List<String> names(Collection<String> people) {
		var names = new LinkedHashSet<String>();
		for (var person : people) {
			if (person == null || person.isBlank()) {
				continue;
			}
			var full = person.strip();
			if (!COMMON.contains(full.toLowerCase(Locale.ROOT))) {
				// an account called "Someone" or "Admin" is still an ordinary word in a sentence
				names.add(full);
			}
			var first = full.split("\\s+")[0];
			if (first.length() >= 3 && !COMMON.contains(first.toLowerCase(Locale.ROOT))) {
				names.add(first);
			}
		}
		return names.stream().filter(n -> n.length() >= 3).sorted(Comparator.comparingInt(String::length).reversed()).toList();
	}

	/** First names that are also ordinary words: matching them would flag ordinary sentences. */
	private static final Set<String> COMMON = Set.of("the", "someone", "somebody", "anyone", "everyone", "nobody", "they", "admin", "will", "may", "mark", "bill", "pat", "sue", "rob",
			"grant", "chase", "hope", "joy", "faith", "amber", "rose", "jack", "frank", "art", "ray", "dawn", "summer",
			"april", "june", "august", "page", "rich", "guy", "victor");

	private record Rule(String name, String regex, String suggestion) {
	}

	private record Span(int start, int end, String rule, String suggestion) {
	}
}
