package dev.firebreak.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/** Every string the API reads is plain text: a control character is refused where it arrives, with its place. */
final class PlainTextDeserializer extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		var text = super.deserialize(parser, context);
		if (text != null && Text.hasControlCharacters(text)) {
			throw InvalidFormatException.from(parser, "contains a control character; send plain text", text, String.class);
		}
		return text;
	}
}
