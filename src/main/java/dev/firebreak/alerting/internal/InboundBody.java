package dev.firebreak.alerting.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a request from a monitoring tool: read up to a limit (never further, whatever the
 * client claims), parsed as a JSON object, or the reason it is not one. Each endpoint words the
 * refusal in its own clients' language.
 *
 * @param json the object, when {@code problem} is null
 */
record InboundBody(ObjectNode json, Problem problem) {

	enum Problem {
		TOO_LARGE, NOT_JSON, NOT_AN_OBJECT
	}

	static InboundBody read(HttpServletRequest request, JsonMapper mapper, int limitBytes) throws IOException {
		if (request.getContentLengthLong() > limitBytes) {
			return new InboundBody(null, Problem.TOO_LARGE);
		}
		var body = request.getInputStream().readNBytes(limitBytes + 1);
		if (body.length > limitBytes) {
			return new InboundBody(null, Problem.TOO_LARGE);
		}
		try {
			var json = mapper.readTree(body);
			return json != null && json.isObject() ? new InboundBody((ObjectNode) json, null)
					: new InboundBody(null, Problem.NOT_AN_OBJECT);
		}
		catch (JacksonException e) {
			return new InboundBody(null, Problem.NOT_JSON);
		}
	}

	/** A string field, or null when it is absent or not a string. */
	static String text(JsonNode node, String field) {
		var value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}
}
