package dev.firebreak.alerting.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a request from a monitoring tool: read up to a limit (never further, whatever the
 * client claims), checked to be UTF-8, parsed as a JSON object, or the reason it is not one. Each
 * endpoint words the refusal in its own clients' language; {@code reason} says in plain words
 * what is wrong (never a parser's or a class's name).
 *
 * @param json the object, when {@code problem} is null
 */
record InboundBody(ObjectNode json, Problem problem, String reason) {

	enum Problem {
		TOO_LARGE, NOT_JSON, NOT_AN_OBJECT, NOT_JSON_MEDIA_TYPE
	}

	static InboundBody read(HttpServletRequest request, JsonMapper mapper, int limitBytes) throws IOException {
		var mediaType = request.getContentType();
		if (mediaType != null && !isJson(mediaType)) {
			// a form or text body: refused before it is read (a servlet container may parse a form)
			return refused(Problem.NOT_JSON_MEDIA_TYPE, "Content-Type must be application/json, not "
					+ (mediaType.length() <= 100 ? mediaType : mediaType.substring(0, 100) + "…") + ".");
		}
		if (request.getContentLengthLong() > limitBytes) {
			return refused(Problem.TOO_LARGE, null);
		}
		var body = request.getInputStream().readNBytes(limitBytes + 1);
		if (body.length > limitBytes) {
			return refused(Problem.TOO_LARGE, null);
		}
		// the parser reads some malformed UTF-8 (an overlong "/") as text; JSON is UTF-8 or nothing
		var malformed = malformedUtf8(body);
		if (malformed >= 0) {
			return refused(Problem.NOT_JSON, "The body is not valid UTF-8 (byte " + malformed + "); send JSON encoded as UTF-8.");
		}
		try {
			var json = mapper.readTree(body);
			if (json != null && json.isObject()) {
				return new InboundBody((ObjectNode) json, null, null);
			}
			return refused(Problem.NOT_AN_OBJECT, json == null || json.isMissingNode() ? "The body is empty; send a JSON object."
					: "The body must be a JSON object, not " + kind(json) + ".");
		}
		catch (StreamConstraintsException e) {
			var limits = mapper.tokenStreamFactory().streamReadConstraints();
			return refused(Problem.NOT_JSON, "The body is past what Firebreak reads: nesting deeper than "
					+ limits.getMaxNestingDepth() + " levels, a name longer than " + limits.getMaxNameLength()
					+ " characters or a number longer than " + limits.getMaxNumberLength() + " digits.");
		}
		catch (JacksonException e) {
			var at = e.getLocation();
			return refused(Problem.NOT_JSON, "The body is not valid JSON"
					+ (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
					+ ".");
		}
	}

	private static InboundBody refused(Problem problem, String reason) {
		return new InboundBody(null, problem, reason);
	}

	/** application/json or any {@code +json} type, whatever its parameters. */
	private static boolean isJson(String mediaType) {
		var type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
	}

	/** The offset of the first byte that is not well-formed UTF-8 (overlong, surrogate, cut short), or -1. */
	private static int malformedUtf8(byte[] body) {
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var in = ByteBuffer.wrap(body);
		var out = CharBuffer.allocate(8192);
		while (true) {
			var result = decoder.decode(in, out, true);
			if (result.isError()) {
				return in.position();
			}
			if (result.isUnderflow()) {
				return decoder.flush(out).isError() ? in.position() : -1;
			}
			out.clear();
		}
	}

	private static String kind(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "null";
		}
		if (node.isArray()) {
			return "a list";
		}
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isObject()) {
			return "an object";
		}
		return node.isBoolean() ? "a boolean" : "this";
	}

	/** A string field, or null when it is absent or not a string. */
	static String text(JsonNode node, String field) {
		var value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	/** The field is there, not null, and not a string. */
	static boolean notAString(JsonNode node, String field) {
		var value = node.get(field);
		return value != null && !value.isNull() && !value.isString();
	}

	/** "must be a string, not a number.": the end of a message about a field of the wrong type. */
	static String mustBeAString(JsonNode node, String field) {
		return "must be a string, not " + kind(node.get(field)) + ".";
	}

	/**
	 * Why a text cannot go into a column as it is, or null: a control character (tab and line
	 * breaks are text), which PostgreSQL refuses when it is NUL and no reader means otherwise, or
	 * half of a surrogate pair, which the databases would keep differently. The refusal names it.
	 */
	static String notPlainText(String text) {
		for (var i = 0; i < text.length(); i++) {
			var c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return "contains the control character " + codePoint(c) + "; send plain text.";
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "contains an unpaired surrogate (" + codePoint(c) + "); send valid Unicode text.";
			}
		}
		return null;
	}

	/** The text cut to at most {@code max} characters, never between the two halves of a surrogate pair. */
	static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
	}

	private static String codePoint(char c) {
		return String.format(Locale.ROOT, "U+%04X", (int) c);
	}
}
