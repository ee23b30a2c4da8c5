package dev.firebreak.postmortem.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a definition of done can be checked by someone other than its author. "Improve
 * monitoring" cannot: nobody can say when it is done, so it never is. A definition passes when it
 * states a criterion: a number with a unit or a threshold (5 minutes, 2%, p99 under 300 ms, version
 * 2.17.1), a reference (a URL, a ticket like PAY-123, a PR #42), a test that fails before and passes
 * after, a named alert, dashboard or runbook, or a verification (verified by a fire drill).
 * Definitions that lead with a vague verb or use vague words ("investigate why checkout took 30 s",
 * "improve monitoring of 2 services") need a criterion of done (a comparison with a figure, a
 * reference, a test, a verification, a named artefact and what it does), not merely a number that
 * describes the incident or the work. Everything else is accepted: the check errs
 * on the side of the author, since a false rejection costs a responder more than a loose item.
 */
final class ActionItemDefinitionOfDone {

	/** What a good one looks like, quoted in every rejection. */
	static final String EXAMPLE = "An alert pages the payments on-call within 5 minutes when checkout errors exceed 2% "
			+ "for 5 minutes; verified by a fire drill";

	private static final String UNIT = "%|percent|ms|msec|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?"
			+ "|days?|weeks?|months?|quarters?|years?|x|times|[kmgt]i?b|bytes?|rps|qps|req/s|requests? per \\w+"
			+ "|replicas?|instances?|nodes?|retries|attempts?|connections?|threads?|pods?|shards?|regions?|zones?";

	/** A number with a unit: 5 minutes, 2%, 300 ms, 3 replicas. */
	private static final Pattern QUANTITY = Pattern.compile("\\b\\d+(?:[.,]\\d+)?\\s*(?:" + UNIT + ")(?![a-z])");

	/**
	 * A comparison with a figure: under 300, at most 2, exceeds 1%, within 5 minutes. Bare prepositions
	 * (of 2, by 2027, at 3 am, every 2) only describe; they compare nothing.
	 */
	private static final Pattern COMPARATOR = Pattern.compile(
			"(?:[<>≤≥]=?|\\b(?:at most|at least|under|below|above|less than|more than|fewer than|no more than"
					+ "|no less than|exceeds?|exceeding)\\b)\\s*~?\\d"
					+ "|\\bwithin\\s*~?\\d+(?:[.,]\\d+)?\\s*(?:" + UNIT + ")(?![a-z])");

	/** Looser markers of a target (p99, zero, an SLO) that count only where nothing vague is said. */
	private static final Pattern TARGET = Pattern.compile("\\bp(?:50|75|90|95|99|999)\\b|\\bzero\\b|\\bslo\\b|\\bsla\\b");

	/** A version or a precise figure: 2.17.1, 99.9. */
	private static final Pattern VERSION = Pattern.compile("\\bv?\\d+\\.\\d+(?:\\.\\d+)*\\b");

	/** A link or a ticket: a URL, PAY-123 (not an incident, INC-42), #42, PR 42. */
	private static final Pattern REFERENCE = Pattern.compile(
			"https?://\\S+|\\b(?!INC-)[A-Z][A-Z0-9]{1,9}-\\d+\\b|(?<![\\w&])#\\d+\\b|\\b(?:PR|MR|pull request|merge request|ticket|issue)\\s*#?\\d+",
			Pattern.CASE_INSENSITIVE);

	/** A test that shows the fix: fails before, passes after; a regression or other concrete test. */
	private static final Pattern TEST = Pattern.compile(
			"\\btests?\\b[^.;]*\\b(?:fails?|failing|passes|pass|passing|reproduces?|green|red|proves?|shows?)\\b"
					+ "|\\b(?:regression|unit|integration|end-to-end|e2e|contract|load|smoke|canary|synthetic) (?:tests?|checks?)\\b");

	private static final String ARTEFACT = "alert|alarm|dashboard|runbook|playbook|monitor|check|probe|slo|test|lint rule"
			+ "|feature flag|flag|circuit breaker|rate limit|config(?:uration)?|job|pipeline|script|document|page";

	/** An artefact with a name: the `checkout-errors` alert, a runbook named "Payments failover". */
	private static final Pattern NAMED_ARTEFACT = Pattern.compile(
			"\\b(?:" + ARTEFACT + ")s?\\b[^.;]{0,40}?(?:\\bnamed\\b|\\bcalled\\b|[\"'`“‘][^\"'`”’]{2,}[\"'`”’])"
					+ "|[\"'`“‘][^\"'`”’]{2,}[\"'`”’][^.;]{0,20}?\\b(?:" + ARTEFACT + ")s?\\b"
					+ "|\\b(?:" + ARTEFACT + ")s?\\s+(?:for\\s+|in\\s+|at\\s+)?[a-z0-9]+(?:[-_./:][a-z0-9]+)+\\b"
					+ "|\\b[a-z0-9]+(?:[-_./:][a-z0-9]+)+\\s+(?:" + ARTEFACT + ")s?\\b");

	/** A check of it, done by someone: verified by a fire drill, demonstrated in a game day. */
	private static final Pattern VERIFICATION = Pattern.compile(
			"\\b(?:verified|confirmed|demonstrated|proven|shown|checked) (?:by|in|with|during)\\b"
					+ "|\\bfire drill\\b|\\bgame ?day\\b|\\bchaos (?:test|experiment)\\b|\\bfailover drill\\b|\\bdrill\\b");

	/** Verbs that name work to do rather than a result; leading with one asks for a criterion of done. */
	private static final Pattern VAGUE_LEAD = Pattern.compile(
			"^\\s*(?:investigate|look into|looking into|consider|review|explore|research|think about|discuss|try to"
					+ "|be more|be careful|follow up|check on|monitor|ensure|make sure|improve|enhance)\\b");

	/**
	 * What a named artefact does or is once the work is done ("the `x` alert is routed", "runbook 'y'
	 * exists"); "review the checkout-service dashboard" names one but no outcome.
	 */
	private static final Pattern OUTCOME = Pattern.compile("^[^.;]{0,60}?\\b(?:exists?|is|are|gets?|fires?|pages?|shows?"
			+ "|routes?|runs?|blocks?|refuses?|rejects?|links?|linked|added|created|published|deployed|merged|enabled"
			+ "|in place)\\b");

	/** Words that say what to work on but not when it is done. */
	private static final Pattern VAGUE = Pattern.compile(
			"\\b(?:improve[ds]?|improving|improvement|better|more|enhance[ds]?|enhancing|investigate|investigating"
					+ "|review|consider|look into|looking into|monitor|monitoring|ensure|careful|optimi[sz]e|robust"
					+ "|harden|properly|appropriate|adequate|as needed|where possible|if possible|explore|research"
					+ "|think about|follow up|asap|soon|some|various|etc)\\b");

	/** Fewer words than this cannot state a result ("alerting fixed"). */
	private static final int SHORTEST = 5;

	private ActionItemDefinitionOfDone() {
	}

	/** The verdict on one definition: measurable, or why not, with the vague words found. */
	record Verdict(boolean measurable, String explanation) {
	}

	static Verdict check(String definition) {
		var text = definition == null ? "" : definition.strip();
		var lower = text.toLowerCase(Locale.ROOT);
		var leadsVaguely = VAGUE_LEAD.matcher(lower).find();
		var saysVaguely = leadsVaguely || VAGUE.matcher(lower).find();
		// vague words ask for a real criterion of done, not a figure that describes the incident or the work
		var doneCriterion = COMPARATOR.matcher(lower).find() || REFERENCE.matcher(text).find() || TEST.matcher(lower).find()
				|| namedOutcome(lower) || VERIFICATION.matcher(lower).find();
		var anyCriterion = doneCriterion || TARGET.matcher(lower).find() || NAMED_ARTEFACT.matcher(lower).find()
				|| QUANTITY.matcher(lower).find() || VERSION.matcher(lower).find();
		if (saysVaguely ? doneCriterion : anyCriterion) {
			return new Verdict(true, null);
		}
		// no figure and no artefact: a plain statement of a result ("CI refuses a config that breaks the
		// schema") is still checkable; only one that is vague or too short to state a result is refused
		if (!saysVaguely && lower.split("\\s+").length >= SHORTEST) {
			return new Verdict(true, null);
		}
		return new Verdict(false, explain(lower));
	}

	private static boolean namedOutcome(String lower) {
		var artefact = NAMED_ARTEFACT.matcher(lower);
		while (artefact.find()) {
			if (OUTCOME.matcher(lower.substring(artefact.end())).find()) {
				return true;
			}
		}
		return false;
	}

	private static String explain(String lower) {
		var vague = new LinkedHashSet<String>();
		var matcher = VAGUE.matcher(lower);
		while (matcher.find()) {
			vague.add(matcher.group());
		}
		var words = new ArrayList<String>();
		vague.forEach(word -> words.add("'" + word + "'"));
		var why = words.isEmpty() ? "it states nothing anyone could check to know it is done"
				: join(words) + (words.size() == 1 ? " says" : " say") + " what to work on, not how anyone will know it is done";
		return "The definition of done is not measurable: " + why + ". State a check anyone can make: a number, threshold"
				+ " or duration, or a concrete artefact (a test that fails before the fix and passes after, a named alert,"
				+ " dashboard or runbook, a linked PR or ticket). For example: \"" + EXAMPLE + "\"";
	}

	private static String join(List<String> words) {
		if (words.size() == 1) {
			return words.get(0);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
	}
}
