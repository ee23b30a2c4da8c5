package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every text colour of the public page's style sheet (the status words, the banners, times, links,
 * muted text) against the backgrounds it is shown on reaches the WCAG AA contrast of 4.5:1. The
 * colours are read from the template itself, so a new or changed colour is checked too.
 */
class StatusColourContrastTests {

	private static final double AA = 4.5;

	private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

	private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

	@Test
	void everyTextColourOfThePageIsReadableOnItsBackground() throws IOException {
		var rules = rules();
		var variables = rules.get(":root");
		var bodyBackground = colour(rules.get("body").get("background"), variables);
		var sectionBackground = colour(rules.get("section").get("background"), variables);
		assertThat(bodyBackground).isNotNull();
		assertThat(sectionBackground).isNotNull();

		var checked = new ArrayList<String>();
		for (var rule : rules.entrySet()) {
			var selector = rule.getKey();
			var text = rule.getValue().get("color");
			if (text == null || selector.startsWith("header.site") || selector.startsWith(".banner")) {
				continue;
			}
			var colour = colour(text, variables);
			assertThat(colour).as("the colour of %s: %s", selector, text).isNotNull();
			// text sits on the page's background (footer, headings of the month) or in a white section
			for (var background : List.of(bodyBackground, sectionBackground)) {
				assertThat(contrast(colour, background)).as("%s: %s on %s", selector, colour, background).isGreaterThanOrEqualTo(AA);
			}
			checked.add(selector);
		}
		var bannerText = colour(rules.get(".banner").get("color"), variables);
		for (var rule : rules.entrySet()) {
			if (rule.getKey().startsWith(".banner.") && rule.getValue().containsKey("background")) {
				var background = colour(rule.getValue().get("background"), variables);
				assertThat(contrast(bannerText, background)).as("%s: %s on %s", rule.getKey(), bannerText, background)
					.isGreaterThanOrEqualTo(AA);
				checked.add(rule.getKey());
			}
		}
		assertThat(checked).contains(".status.operational", ".status.degraded-performance", ".status.partial-outage",
				".status.major-outage", ".status.under-maintenance", ".legend, .muted, time", "a", ".banner.none",
				".banner.minor", ".banner.major", ".banner.critical", ".banner.maintenance");
	}

	/** A day's colour is a graphic: WCAG asks 3:1 against what surrounds it (the white section). */
	@Test
	void everyDayOfTheUptimeBarStandsOutFromItsSection() throws IOException {
		var rules = rules();
		var variables = rules.get(":root");
		var section = colour(rules.get("section").get("background"), variables);
		var checked = new ArrayList<String>();
		for (var rule : rules.entrySet()) {
			if (rule.getKey().startsWith(".bar ") && rule.getValue().containsKey("background")) {
				var background = colour(rule.getValue().get("background"), variables);
				assertThat(contrast(background, section)).as("%s: %s on %s", rule.getKey(), background, section)
					.isGreaterThanOrEqualTo(3.0);
				checked.add(rule.getKey());
			}
		}
		assertThat(checked).contains(".bar span", ".bar .degraded-performance", ".bar .partial-outage",
				".bar .major-outage", ".bar .under-maintenance", ".bar .nodata");
	}

	@Test
	void theContrastIsWorkedOutAsWcagSays() {
		assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(contrast("#fff", "#ffffff")).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
		// #767676 on white is the well-known lightest grey that passes
		assertThat(contrast("#767676", "#ffffff")).isGreaterThan(AA);
		assertThat(contrast("#777777", "#ffffff")).isLessThan(AA);
	}

	/** The rules of the page's style sheet: selector to its declarations (a later rule adds to an earlier one). */
	private static Map<String, Map<String, String>> rules() throws IOException {
		String template;
		try (var in = StatusColourContrastTests.class.getResourceAsStream("/templates/statuspage/parts.html")) {
			assertThat(in).as("the page's template").isNotNull();
			template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var css = template.substring(template.indexOf("<style"), template.indexOf("</style>"));
		// the brand colour is the page's own setting (checked when it is saved): its inlined expression is no colour here
		css = css.substring(css.indexOf('>') + 1).replaceAll("\\[\\(\\$\\{[^}]*}\\)]", "inherit");
		var rules = new LinkedHashMap<String, Map<String, String>>();
		var matcher = RULE.matcher(css);
		while (matcher.find()) {
			var selector = matcher.group(1).strip().replaceAll("\\s+", " ");
			if (selector.startsWith("@media")) {
				selector = selector.substring(selector.indexOf('{') + 1).strip();
			}
			var declarations = rules.computeIfAbsent(selector, s -> new LinkedHashMap<>());
			for (var declaration : matcher.group(2).split(";")) {
				var colon = declaration.indexOf(':');
				if (colon > 0) {
					declarations.put(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
				}
			}
		}
		return rules;
	}

	/** A colour value as #rrggbb, following var(--x) to the :root; null when it is no plain colour. */
	private static String colour(String value, Map<String, String> variables) {
		if (value == null) {
			return null;
		}
		var v = value.strip();
		if (v.startsWith("var(")) {
			return colour(variables.get(v.substring(4, v.length() - 1).strip()), variables);
		}
		var hex = HEX.matcher(v);
		if (!hex.matches()) {
			return null;
		}
		var digits = hex.group(1);
		return digits.length() == 3 ? "#" + digits.replaceAll("(.)", "$1$1") : "#" + digits;
	}

	static double contrast(String a, String b) {
		var la = luminance(colourOf(a));
		var lb = luminance(colourOf(b));
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static String colourOf(String hex) {
		return hex.length() == 4 ? "#" + hex.substring(1).replaceAll("(.)", "$1$1") : hex;
	}

	/** WCAG 2 relative luminance. */
	private static double luminance(String hex) {
		var weights = new double[] { 0.2126, 0.7152, 0.0722 };
		var luminance = 0.0;
		for (var i = 0; i < 3; i++) {
			var channel = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			luminance += weights[i] * (channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
		}
		return luminance;
	}
}
