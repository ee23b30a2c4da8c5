package dev.firebreak.comms.writing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import dev.firebreak.comms.writing.Lexicon.Term;

/**
 * The writing rules of PRODUCT §1.5, checked on every public update before it is posted. The findings
 * are warnings: the author may override them with a recorded reason, so the rules lean towards
 * catching the common mistakes and stay quiet on look-alikes ("3 regions" is not an error code,
 * "15:00 UTC" has its zone).
 *
 * <p>Word rules ({@link Rule#INTERNAL_NAME}, {@link Rule#JARGON}, {@link Rule#ERROR_CODE},
 * {@link Rule#VAGUE}, {@link Rule#PREMATURE_PROMISE}, {@link Rule#NO_IMPACT_CLAIM},
 * {@link Rule#SPECULATION}, {@link Rule#TIME_WITHOUT_ZONE}) point at the offending words. The
 * heuristics:
 * <ul>
 * <li>{@link Rule#PREMATURE_PROMISE} only before the resolution: "should be resolved soon",
 * "will be back shortly", and calling it "resolved"/"fixed" while the fix is still being watched.</li>
 * <li>{@link Rule#NO_IMPACT_CLAIM} only when customers reported problems.</li>
 * <li>{@link Rule#MISSING_SCOPE}: the text names no product or feature customers recognise
 * (payments, checkout, sign-in, dashboard, API, email, mobile app, …), no customer group ("some
 * customers", "customers in …", "enterprise plans") and no region or country.</li>
 * <li>{@link Rule#MISSING_NEXT_UPDATE} (unless resolved): no sentence promises an update ("next
 * update", "we will update", "more information") followed in that sentence by a clock time or a
 * relative time ("in 30 minutes", "within the next hour").</li>
 * <li>{@link Rule#TIME_WITHOUT_ZONE}: see {@link ClockTimes}.</li>
 * <li>{@link Rule#IMPACT_NOT_FIRST}: the first sentence (after a label such as "Investigating:")
 * opens with the team ("We …", "Our engineers …", "The team …") and says nothing customers
 * experience — no product, customer group, region or symptom ("failing", "slow", "cannot", "reports
 * of"). "We are investigating reports of failed card payments in Europe." is fine.</li>
 * </ul>
 */
public final class WritingRules {

	private WritingRules() {
	}

	/** Sentence ends, not abbreviations such as "a.m." or "e.g.". */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<![ap]\\.m\\.|e\\.g\\.|i\\.e\\.|etc\\.)(?<=[.!?])\\s+(?=[\\p{Lu}\"“(])|\\n\\s*");

	/** Rules whose words may sit inside an internal name, where the internal name is the finding that matters. */
	private static final List<Rule> COVERED_BY_INTERNAL_NAMES = List.of(Rule.JARGON, Rule.ERROR_CODE);

	/** The findings for a draft: in order of position in the text, missing-things findings last. */
	public static List<Finding> check(Draft draft) {
		var text = draft.text();
		var found = new ArrayList<Finding>();
		var internal = internalNames(draft);
		found.addAll(internal);
		for (var finding : words(text, Rule.JARGON, Lexicon.JARGON, "'%s' is engineering jargon.")) {
			if (internal.stream().noneMatch(name -> covers(name, finding))) {
				found.add(finding);
			}
		}
		for (var finding : words(text, Rule.ERROR_CODE, Lexicon.ERROR_CODES, "'%s' is an error code; it tells customers nothing.")) {
			if (internal.stream().noneMatch(name -> covers(name, finding))) {
				found.add(finding);
			}
		}
		found.addAll(words(text, Rule.VAGUE, Lexicon.VAGUE, "'%s' is vague: it does not say what customers cannot do."));
		if (!draft.resolved()) {
			found.addAll(words(text, Rule.PREMATURE_PROMISE, Lexicon.PREMATURE_PROMISES,
					"'%s' promises a fix that is not verified yet."));
		}
		if (draft.customersReported()) {
			found.addAll(words(text, Rule.NO_IMPACT_CLAIM, Lexicon.NO_IMPACT_CLAIMS,
					"'%s' contradicts the customers who reported problems."));
		}
		found.addAll(words(text, Rule.SPECULATION, Lexicon.SPECULATION, "'%s' speculates about the cause in public."));
		for (var time : ClockTimes.withoutZone(text)) {
			found.add(at(Rule.TIME_WITHOUT_ZONE, time, "'%s' has no time zone; readers are everywhere.".formatted(time.group()),
					"Add the zone: '%s UTC'.".formatted(time.group())));
		}
		impactNotFirst(text).ifPresent(found::add);
		found.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::rule));

		if (Lexicon.SCOPE.stream().noneMatch(scope -> scope.matcher(text).find())) {
			found.add(missing(Rule.MISSING_SCOPE, "The update does not say which product, region or customers are affected.",
					"Name the scope: 'Card payments are failing for some customers in Europe.'"));
		}
		if (!draft.resolved() && !promisesNextUpdate(text)) {
			found.add(missing(Rule.MISSING_NEXT_UPDATE, "The update does not say when the next update will come.",
					"End with a time: 'Next update at 15:00 UTC.' or 'We will update this page within 30 minutes.'"));
		}
		return List.copyOf(found);
	}

	private static List<Finding> internalNames(Draft draft) {
		var found = new ArrayList<Finding>();
		for (var name : draft.internalNames()) {
			var term = new Term(Lexicon.literalName(name),
					"Name what customers use instead, e.g. 'card payments' or 'sign-in', not the internal name.");
			found.addAll(words(draft.text(), Rule.INTERNAL_NAME, List.of(term),
					"'%s' is an internal name; customers do not know it."));
		}
		return withoutOverlaps(found);
	}

	/** Every match of the rule's terms; where several overlap, the earliest and longest wins. */
	private static List<Finding> words(String text, Rule rule, List<Term> terms, String message) {
		var found = new ArrayList<Finding>();
		for (var term : terms) {
			term.pattern().matcher(text).results().filter(match -> match.end() > match.start())
					.forEach(match -> found.add(at(rule, match, message.formatted(match.group()), term.advice())));
		}
		return withoutOverlaps(found);
	}

	private static List<Finding> withoutOverlaps(List<Finding> findings) {
		var sorted = new ArrayList<>(findings);
		sorted.sort(Comparator.comparingInt(Finding::start).thenComparing(Comparator.comparingInt(Finding::end).reversed()));
		var kept = new ArrayList<Finding>();
		for (var finding : sorted) {
			if (kept.isEmpty() || kept.get(kept.size() - 1).end() <= finding.start()) {
				kept.add(finding);
			}
		}
		return kept;
	}

	private static boolean covers(Finding outer, Finding inner) {
		return COVERED_BY_INTERNAL_NAMES.contains(inner.rule()) && outer.start() <= inner.start() && inner.end() <= outer.end();
	}

	private static Optional<Finding> impactNotFirst(String text) {
		var first = firstSentence(text);
		if (first == null) {
			return Optional.empty();
		}
		var sentence = text.substring(first[0], first[1]);
		var label = Lexicon.LEADING_LABEL.matcher(sentence);
		var opening = label.lookingAt() ? sentence.substring(label.end()) : sentence;
		if (!Lexicon.INTERNAL_OPENING.matcher(opening).lookingAt() || Lexicon.IMPACT.matcher(sentence).find()
				|| Lexicon.SCOPE.stream().anyMatch(scope -> scope.matcher(sentence).find())) {
			return Optional.empty();
		}
		return Optional.of(new Finding(Rule.IMPACT_NOT_FIRST, sentence, first[0], first[1],
				"The update opens with our work, not with what customers experience.",
				"Start with the impact: 'Card payments are failing for some customers in Europe. We are investigating.'"));
	}

	/** Start and end (exclusive, without the closing whitespace) of the first non-blank sentence, or null. */
	private static int[] firstSentence(String text) {
		var start = 0;
		while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		if (start == text.length()) {
			return null;
		}
		var end = SENTENCE_END.matcher(text).region(start, text.length()).useTransparentBounds(true);
		var stop = end.find() ? end.start() : text.stripTrailing().length();
		return new int[] {start, stop};
	}

	private static boolean promisesNextUpdate(String text) {
		var clockTimes = ClockTimes.all(text);
		var start = 0;
		var ends = SENTENCE_END.matcher(text);
		while (start <= text.length()) {
			var stop = ends.find() ? ends.start() : text.length();
			var promise = Lexicon.UPDATE_WORD.matcher(text).region(start, stop).useTransparentBounds(true);
			if (promise.find()) {
				var from = promise.start();
				var relative = Lexicon.RELATIVE_TIME.matcher(text).region(from, stop).useTransparentBounds(true).find();
				if (relative || clockTimes.stream().anyMatch(time -> time.start() >= from && time.end() <= stop)) {
					return true;
				}
			}
			if (stop == text.length()) {
				return false;
			}
			start = ends.end();
		}
		return false;
	}

	private static Finding at(Rule rule, MatchResult match, String message, String suggestion) {
		return new Finding(rule, match.group(), match.start(), match.end(), message, suggestion);
	}

	private static Finding missing(Rule rule, String message, String suggestion) {
		return new Finding(rule, "", -1, -1, message, suggestion);
	}
}
