package dev.firebreak.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A runbook's Markdown: which of the six sections it has, and its HTML. A section is a heading of
 * level 2 to 6 ({@code ##} to {@code ######}; a level-1 heading is the document's title, not a
 * section) whose words are the section's name or a common synonym, optionally numbered ("2.
 * Impact") or followed by more words ("Symptom: HighErrorRate fires"). Its content runs to the next
 * heading of the same or a higher level; a section with none counts as missing content.
 *
 * <p>Rendering escapes raw HTML (a runbook cannot carry a script into the page) and drops links
 * whose scheme is not http, https, mailto or data:image ({@code javascript:}).
 */
final class RunbookMarkdown {

	/** The six sections in the order a responder reads them, each with the headings taken for it. */
	static final Map<String, List<String>> SECTIONS = sections();

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
		.attributeProviderFactory(context -> (node, tag, attributes) -> {
			if (node instanceof Link) {
				attributes.put("rel", "nofollow noopener noreferrer");
			}
		})
		.build();

	/** A leading "1.", "2)", "Step 3:" and the like before a section's name. */
	private static final Pattern NUMBERING = Pattern.compile("^(?:step\\s+)?\\d+[.):]?\\s*");

	/** The template a new runbook starts from: the six headings, each with what belongs there. */
	static final String TEMPLATE = """
			## Symptom
			The alert and its condition, e.g. `alertname=HighErrorRate`: more than 5 % of requests fail for 5 minutes.

			## Impact
			Who is affected and how: which users, which features, what they see.

			## Investigation
			1. Look at … (the dashboard, the command).
			   - Normal: what it shows when all is well.
			   - Abnormal: what it shows when this is the cause, and what that means.

			## Mitigation
			What stops the user impact first (roll back, turn a feature flag off, fail over), with the commands.

			## Escalation
			Who to call when these steps do not help, and after how long.

			## Context
			How the service works, its dashboards, related runbooks and past incidents.
			""";

	private RunbookMarkdown() {
	}

	private static Map<String, List<String>> sections() {
		var sections = new LinkedHashMap<String, List<String>>();
		sections.put("Symptom", List.of("symptom", "symptoms", "alert", "alert condition", "trigger", "what fired"));
		sections.put("Impact", List.of("impact", "user impact", "customer impact", "business impact"));
		sections.put("Investigation", List.of("investigation", "investigation steps", "investigate", "diagnosis",
				"diagnose", "triage", "troubleshooting", "debugging"));
		sections.put("Mitigation", List.of("mitigation", "mitigation steps", "mitigate", "remediation", "fix",
				"resolution", "recovery", "workaround"));
		sections.put("Escalation", List.of("escalation", "escalate", "escalation path", "who to call", "contacts"));
		sections.put("Context", List.of("context", "background", "notes", "references", "links", "further reading",
				"additional context"));
		return java.util.Collections.unmodifiableMap(sections);
	}

	/**
	 * What is wrong with the document's sections, one line per problem in the order of the sections:
	 * {@code missing section: Impact}, {@code empty section: Context}. Empty when all six are there
	 * with content.
	 */
	static List<String> problems(String markdown) {
		var document = PARSER.parse(markdown);
		var found = new LinkedHashMap<String, Boolean>();
		var blocks = new ArrayList<Node>();
		for (var node = document.getFirstChild(); node != null; node = node.getNext()) {
			blocks.add(node);
		}
		for (int i = 0; i < blocks.size(); i++) {
			if (blocks.get(i) instanceof Heading heading && heading.getLevel() >= 2) {
				var section = sectionOf(text(heading));
				if (section != null) {
					var hasContent = i + 1 < blocks.size()
							&& !(blocks.get(i + 1) instanceof Heading next && next.getLevel() <= heading.getLevel());
					found.merge(section, hasContent, Boolean::logicalOr);
				}
			}
		}
		var problems = new ArrayList<String>();
		for (var section : SECTIONS.keySet()) {
			if (!found.containsKey(section)) {
				problems.add("missing section: " + section);
			}
			else if (!found.get(section)) {
				problems.add("empty section: " + section);
			}
		}
		return problems;
	}

	/** The section a heading's words name, or null. */
	static String sectionOf(String heading) {
		var words = NUMBERING.matcher(heading.strip().toLowerCase(Locale.ROOT)).replaceFirst("").strip();
		for (var section : SECTIONS.entrySet()) {
			for (var name : section.getValue()) {
				if (words.equals(name) || (words.startsWith(name) && !Character.isLetterOrDigit(words.charAt(name.length())))) {
					return section.getKey();
				}
			}
		}
		return null;
	}

	/** The document as HTML that is safe to put in a page as it is. */
	static String html(String markdown) {
		return RENDERER.render(PARSER.parse(markdown));
	}

	private static String text(Node node) {
		var text = new StringBuilder();
		node.accept(new AbstractVisitor() {

			@Override
			public void visit(Text t) {
				text.append(t.getLiteral());
			}

			@Override
			public void visit(Code code) {
				text.append(code.getLiteral());
			}
		});
		return text.toString();
	}
}
