package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The TwiML Firebreak hands Twilio is well-formed and says what it must. */
class TwilioTwimlTests {

	@Test
	void aPageByVoiceSaysTheTextTwiceThenAsksForOne() throws Exception {
		var xml = parse(TwilioTwiml.call("SEV1 INC-42 <Checkout> & \"payments\"",
				"https://ops.example/notifications/twilio/voice/42"));

		var root = xml.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("Response");
		var says = root.getElementsByTagName("Say");
		assertThat(says.item(0).getTextContent()).isEqualTo("SEV1 INC-42 <Checkout> & \"payments\"");
		assertThat(says.item(1).getTextContent()).isEqualTo("SEV1 INC-42 <Checkout> & \"payments\"");
		var gather = (Element) root.getElementsByTagName("Gather").item(0);
		assertThat(gather.getAttribute("numDigits")).isEqualTo("1");
		assertThat(gather.getAttribute("action")).isEqualTo("https://ops.example/notifications/twilio/voice/42");
		assertThat(gather.getAttribute("method")).isEqualTo("POST");
		assertThat(gather.getTextContent()).contains("Press 1 to acknowledge");
	}

	@Test
	void aCallWithNothingToAcknowledgeGathersNothing() throws Exception {
		var xml = parse(TwilioTwiml.call("You are on call from 09:00", null));

		assertThat(xml.getElementsByTagName("Gather").getLength()).isZero();
		assertThat(xml.getElementsByTagName("Say").getLength()).isEqualTo(2);
	}

	@Test
	void anSmsAnswerIsOneMessageOrNone() throws Exception {
		assertThat(parse(TwilioTwiml.message("INC-42 acknowledged & <done>")).getElementsByTagName("Message").item(0)
			.getTextContent()).isEqualTo("INC-42 acknowledged & <done>");
		assertThat(parse(TwilioTwiml.message(null)).getDocumentElement().getChildNodes().getLength()).isZero();
		assertThat(parse(TwilioTwiml.message(" ")).getDocumentElement().getChildNodes().getLength()).isZero();
	}

	@Test
	void controlCharactersXmlCannotCarryAreDropped() throws Exception {
		assertThat(parse(TwilioTwiml.say("a\u0000b\u0007c")).getElementsByTagName("Say").item(0).getTextContent())
			.isEqualTo("abc");
	}

	private static Document parse(String xml) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}
}
