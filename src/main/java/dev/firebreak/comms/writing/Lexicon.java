package dev.firebreak.comms.writing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The word lists behind the writing rules. Each list is data: a pattern (matched case-insensitively on
 * whole words) and the plain-language advice shown when it matches. Adding a phrase is adding a line.
 *
 * <p>Jargon is kept to words that mean nothing to a customer of a non-engineering product, or that
 * name our machinery rather than their experience. Words a developer-facing product's customers use
 * themselves ("API", "webhook", "rate limit", "outage", "maintenance") are deliberately absent.
 */
final class Lexicon {

	private Lexicon() {
	}

	/** A phrase to look for and the advice for the author when it is found. */
	record Term(Pattern pattern, String advice) {
	}

	/** Not inside a word, a hyphenated name ("payments-db") or a path/host ("Node.js", "a/b"). */
	static final String BEFORE = "(?<![\\p{L}\\p{N}_\\-/.])";

	/** Not followed by more of the word; a full stop ending the sentence is fine, "Node.js" is not. */
	static final String AFTER = "(?![\\p{L}\\p{N}_]|\\.[\\p{L}\\p{N}])";

	static Pattern phrase(String regex) {
		return Pattern.compile(BEFORE + "(?:" + regex + ")" + AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/** An internal name as a phrase: literal, any run of whitespace between its words. */
	static Pattern literalName(String name) {
		var words = name.strip().split("\\s+");
		var regex = new StringBuilder();
		for (var word : words) {
			regex.append(regex.isEmpty() ? "" : "\\s+").append(Pattern.quote(word));
		}
		return phrase(regex.toString());
	}

	private static Term term(String regex, String advice) {
		return new Term(phrase(regex), advice);
	}

	static final List<Term> JARGON = List.of(
			term("latency|latencies|p50|p9[059]|p999", "Say 'slow' or 'taking longer than usual'."),
			term("time[- ]?outs?|timed[- ]out", "Say 'pages and payments are not completing' or 'are slow to respond'."),
			term("5xx|4xx", "Say what fails for customers, e.g. 'payments are failing'."),
			term("databases?|DBs?", "Say 'our systems' — customers need to know what they cannot do, not which part broke."),
			term("clusters?|nodes?|pods?|kubernetes|k8s|replicas?|shards?|sharding",
					"Say 'our systems' or 'part of our infrastructure'."),
			term("deploy|deploys|deployed|deploying|deployments?", "Say 'update' or 'change': 'a recent update'."),
			term("roll-?backs?", "Say 'we undid a recent change'."),
			term("fail-?overs?|failed over", "Say 'we switched to backup systems'."),
			term("cache|caches|caching|cached", "Say 'some pages may show older information'."),
			term("DNS", "Say 'our website could not be reached'."),
			term("load[- ]balancers?", "Say 'our systems'."),
			term("CPU|CPUs|OOM|out[- ]of[- ]memory|memory leaks?", "Say what customers notice, e.g. 'the app is slow'."),
			term("upstream|downstream", "Say 'a provider we rely on' or name what customers see."),
			term("API gateway|microservices?|backend services?|message queues?|Kafka|Redis|Postgres(?:QL)?|MySQL",
					"Say 'our systems' — name what customers cannot do, not the component."),
			term("hot-?fix(?:es|ed)?", "Say 'a fix'."),
			term("configs?|misconfigurations?|misconfigured", "Say 'a settings change'."),
			term("regressions?", "Say 'a recent change stopped X from working'."),
			term("incident commanders?|SEV[- ]?[0-4]|severity [0-4]|runbooks?",
					"Leave our internal process out; say what customers experience and what happens next."),
			term("error rates?|throughput|packet loss|saturation|throttl(?:ed|ing)",
					"Say what customers notice: 'some payments are failing' or 'pages are slow'."));

	/** HTTP error statuses presented as errors, exception names and error codes. Case-sensitive where it matters. */
	static final List<Term> ERROR_CODES = List.of(
			new Term(Pattern.compile(BEFORE + "(?:HTTP(?:/[\\d.]+)?|status(?:\\s+code)?|error(?:\\s+code)?|code)[\\s:#]*[45]\\d\\d(?!\\d)",
					Pattern.CASE_INSENSITIVE), "Say what fails, e.g. 'some pages do not load'."),
			new Term(Pattern.compile(BEFORE + "[45]\\d\\d\\s+(?:errors?|responses?|status(?:es|\\s+codes?)?|codes?"
					+ "|internal server error|bad gateway|service unavailable|gateway time-?out|not found|forbidden|too many requests)" + AFTER,
					Pattern.CASE_INSENSITIVE), "Say what fails, e.g. 'some pages do not load'."),
			new Term(Pattern.compile(BEFORE + "[A-Z][A-Za-z0-9]*[a-z0-9](?:Exception|Error)" + AFTER),
					"Leave the exception out; say what customers cannot do."),
			new Term(Pattern.compile(BEFORE + "E(?:CONN[A-Z]+|TIMEDOUT|NOTFOUND|PIPE|ADDRINUSE|HOSTUNREACH|NETUNREACH|AI_AGAIN|NOMEM|NOSPC|MFILE)" + AFTER),
					"Leave the error code out; say what customers cannot do."),
			new Term(Pattern.compile(BEFORE + "(?:[A-Z]{1,4}-\\d{3,6}|[A-Z]{1,3}\\d{3,6}|0x[0-9A-Fa-f]{4,})" + AFTER),
					"Leave the error code out; say what customers cannot do."));

	private static final String SAY_WHAT =
			"Say what users cannot do: 'Card payments are failing for some customers in Europe.'";

	static final List<Term> VAGUE = List.of(
			term("experiencing\\s+(?:some\\s+|minor\\s+|technical\\s+|intermittent\\s+)?(?:issues|problems|difficulties|disruptions?)",
					SAY_WHAT),
			term("(?:some|minor|technical|certain|unspecified|a few|intermittent|ongoing|unexpected)\\s+(?:issues|problems|difficulties|glitches|disruptions)",
					SAY_WHAT),
			// "an issue with card payments" names what is broken; a bare "an issue" does not
			term("(?:an issue|a problem|an incident)(?=\\s*(?:[.,;:!?]|$|\\s+(?:and|but|which|that is|that was|is|was|has|that has)\\b))",
					SAY_WHAT),
			term("degraded (?:experience|service|functionality)|service disruption|something went wrong|unexpected behaviou?r"
					+ "|not (?:working|behaving) as expected|(?:some|certain) (?:things|features) may not work",
					SAY_WHAT));

	private static final String NOT_YET =
			"Promise only what is verified: 'A fix is in place and we are watching that payments keep working. Next update at 15:00 UTC.'";

	static final List<Term> PREMATURE_PROMISES = List.of(
			term("(?:should|will|expect(?:ed)? to|hope to|going to|(?:expect|hope)(?:s|ed)? (?:it|this|them|everything|service|services|payments) to)"
					+ "\\s+(?:be\\s+)?(?:fully\\s+)?(?:resolved|fixed|back(?:\\s+(?:up|online|to normal))?|restored|working(?:\\s+again)?|up and running"
					+ "|resolve (?:it|this)|fix (?:it|this))"
					+ "\\s+(?:very\\s+)?(?:soon|shortly|momentarily|quickly|any minute(?: now)?|in (?:a|the next) few minutes)", NOT_YET),
			term("(?:resolved|fixed|back to normal|restored)\\s+(?:very\\s+)?(?:soon|shortly|momentarily)", NOT_YET),
			// "is resolved" claims it; "once it is resolved" does not
			term("(?<!\\b(?:once|until|till|when|after|before|unless|if)\\s{1,3}[\\p{L}\\s]{0,40})"
					+ "(?:is|are|has been|have been)\\s+(?:now\\s+)?(?:fully\\s+|completely\\s+)?(?:resolved|fixed)", NOT_YET));

	private static final String IMPACT_TRUTH =
			"Customers reported problems; say who was affected: 'Some customers in Europe could not pay by card.'";

	static final List<Term> NO_IMPACT_CLAIMS = List.of(
			term("no (?:customer |user |client |customer-facing |service )?impacts?|zero impact", IMPACT_TRUTH),
			term("(?:(?:no|none of our) (?:customers|users|clients) (?:were|are|have been|was|is) )?(?:not |un)(?:affected|impacted)", IMPACT_TRUTH),
			term("(?:did|does|has|have) not (?:affect|impact)(?:ed)? (?:any )?(?:customers|users|clients)", IMPACT_TRUTH),
			term("no (?:customers|users|clients) (?:were|are|have been) (?:affected|impacted)", IMPACT_TRUTH));

	private static final String NO_CAUSE =
			"Leave the cause out of public updates until the review confirms it; say what customers experience and what we are doing.";

	static final List<Term> SPECULATION = List.of(
			term("we (?:believe|suspect|think)(?: that)?(?: the)?(?: root)? cause", NO_CAUSE),
			term("(?:probably|likely|possibly|apparently|seemingly|maybe|perhaps)\\s+(?:caused by|due to|related to|because of|the result of)", NO_CAUSE),
			term("(?:might|may|could)\\s+(?:be|have been)\\s+(?:caused by|due to|related to|the result of)", NO_CAUSE),
			term("(?:appears?|seems?)\\s+to\\s+(?:be|have been)\\s+(?:caused|due|related|the result)", NO_CAUSE),
			term("(?:likely|probable|possible|suspected|apparent) (?:root )?cause", NO_CAUSE),
			term("root cause(?!\\s+(?:analysis|review|report))|caused by", NO_CAUSE),
			term("a bug in|hack(?:er|ers|ed|ing)|(?:cyber[- ]?)?attack(?:s|ed|ers)?|DDoS", NO_CAUSE));

	/** Where a draft says which product, region or customers are affected (the MISSING_SCOPE heuristic). */
	static final List<Pattern> SCOPE = List.of(
			// products and features customers recognise
			phrase("(?:card |online |mobile )?payments?|pay(?:ing)? (?:by|with|online)|checkout|log ?ins?|logging in|log in|sign[- ]?(?:in|up|ins|ups)|signing (?:in|up)"
					+ "|registration|dashboards?|APIs?|search|e-?mails?|notifications?|(?:mobile |iOS |Android |web )?apps?|website|web ?site"
					+ "|orders?|ordering|invoices?|invoicing|billing|subscriptions?|accounts?|password resets?|uploads?|downloads?|files?"
					+ "|messages?|messaging|chat|calls?|video|webhooks?|integrations?|exports?|imports?|transfers?|refunds?|payouts?"
					+ "|bookings?|deliver(?:y|ies)|tracking|transactions?|streaming|reports?(?! of)|carts?|storefronts?|admin (?:panel|console)"),
			// customer groups
			phrase("(?:all|some|many|most|several|certain|a few|a (?:small |large )?(?:number|subset|portion|share|group) of)\\s+(?:of\\s+)?(?:our\\s+)?"
					+ "(?:customers|users|merchants|subscribers|clients|accounts|organi[sz]ations|teams)"
					+ "|(?:customers|users|merchants|subscribers|clients) (?:in|on|of|using|with|who|whose|based)"
					+ "|for (?:all |some |our )?(?:customers|users|merchants)"
					+ "|(?:free|paid|enterprise|business|premium|pro|trial|team|starter) (?:plans?|tiers?|customers|users|accounts)"),
			// regions: proper nouns, so case-sensitive ("US", not "us")
			Pattern.compile(BEFORE + "(?:Europe(?:an)?|EU|EMEA|APAC|LATAM|Asia(?:-Pacific| Pacific)?|Africa|Oceania|Middle East|Americas"
					+ "|(?:North|South|Latin|Central) America|US|USA|United States|UK|United Kingdom|Canada|Mexico|Brazil|Argentina|Chile"
					+ "|Germany|France|Spain|Portugal|Italy|Netherlands|Belgium|Ireland|Switzerland|Austria|Poland|Sweden|Norway|Denmark|Finland"
					+ "|India|Japan|China|Korea|Singapore|Australia|New Zealand|Indonesia|South Africa|Nigeria|Turkey|Israel|UAE)" + AFTER),
			phrase("regions?|countries|country|worldwide|globally|all locations|data cent(?:er|re)s?"));

	/** Phrases that say customers are affected — used by the IMPACT_NOT_FIRST heuristic beside {@link #SCOPE}. */
	static final Pattern IMPACT = phrase("customers?|users?|merchants?|clients?|subscribers?|reports? of|unable|cannot|can't|could not|couldn't"
			+ "|not (?:able|load|loading|work|working|complete|completing|receive|receiving|available)|fail(?:s|ed|ing|ures?)?|errors?"
			+ "|slow(?:er|ly|ness)?|delay(?:s|ed)?|unavailable|unreachable|outage|down|disrupt(?:ed|ion|ions)?|missing|duplicate[ds]?"
			+ "|(?:works?|working) (?:again|normally|as (?:expected|usual|normal))|(?:is|are|was|were|went) down"
			+ "|back to normal|restored|recovered|available again");

	/** An opening that is about the team's work ("We are investigating", "Our engineers"). */
	static final Pattern INTERNAL_OPENING = Pattern.compile(
			"^(?:we(?:'re|'ve|\\s+are|\\s+have|\\s+were|\\s+had)?|our\\s+(?:engineers?|engineering(?:\\s+team)?|teams?|on-?call|staff|developers)"
					+ "|the\\s+(?:engineering\\s+)?(?:team|engineers)|engineers|engineering)\\b",
			Pattern.CASE_INSENSITIVE);

	/** A status label such as "Investigating:" or "Update -" in front of the first sentence. */
	static final Pattern LEADING_LABEL = Pattern.compile("^\\s*(?:[A-Za-z]+(?:\\s+[A-Za-z]+)?\\s*(?::|\\s[-–—])\\s*)?");

	/** Something the next update is promised about. */
	static final Pattern UPDATE_WORD = phrase("next update|(?:an|another|a further|a new|further|more|regular) updates?"
			+ "|updates? (?:will|to follow|by|at|in|within|on|no later than)|update (?:you|this page|this notice|customers|again)|updating"
			+ "|report back|post again|check in again|(?:more|further) (?:information|details)|follow up");

	/** A time commitment: a relative time ("in 30 minutes", "within the next hour") — clock times are found separately. */
	static final Pattern RELATIVE_TIME = phrase("(?:in|within|by)\\s+(?:the\\s+next\\s+|the\\s+|an?\\s+|one\\s+|two\\s+|\\d+\\s*)?(?:half[- ]hour|hours?|minutes?|mins?|h)"
			+ "|(?:in|within)\\s+(?:\\d+|one|two|three|five|ten|fifteen|twenty|thirty|forty-five|sixty|ninety)\\s*(?:hours?|minutes?|mins?)"
			+ "|(?:by|at) (?:the )?(?:end of (?:the )?(?:day|business day)|top of the hour)");
}
