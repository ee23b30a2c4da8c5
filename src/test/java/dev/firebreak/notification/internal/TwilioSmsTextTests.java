package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SMS bodies stay one GSM-7 segment. */
class TwilioSmsTextTests {

	@Test
	void keepsGsmTextAsItIs() {
		var text = "SEV1 INC-42 Checkout fails @ EU: 50% errors. Reply 42 to ack. Café Zürich £5 ¿Ñ?";

		assertThat(TwilioSmsText.of(text)).isEqualTo(text);
	}

	@Test
	void turnsTypographyIntoItsPlainForm() {
		assertThat(TwilioSmsText.of("INC-42 Checkout fails — “payments” … it’s down → failover"))
			.isEqualTo("INC-42 Checkout fails - \"payments\" ... it's down -> failover");
	}

	@Test
	void dropsAccentsGsmLacksAndReplacesTheRest() {
		assertThat(TwilioSmsText.of("Łódź Kraków çà 北京 🔥!")).isEqualTo("?odz Krakow cà ?? ?!");
	}

	@Test
	void cutsAt160Characters() {
		var text = "x".repeat(200);

		assertThat(TwilioSmsText.of(text)).hasSize(160);
	}

	@Test
	void countsExtensionCharactersTwice() {
		var text = "€".repeat(100);

		assertThat(TwilioSmsText.of(text)).isEqualTo("€".repeat(80));
		assertThat(TwilioSmsText.of("a".repeat(159) + "[")).isEqualTo("a".repeat(159));
	}

	@Test
	void aShortTextWithNothingToChangeIsUntouched() {
		assertThat(TwilioSmsText.of("  ack 42 ")).isEqualTo("ack 42");
	}

	private static final String LINK = " Reply 42 to ack. https://firebreak.example/incidents/INC-42";

	@Test
	void aPageThatFitsIsSentWhole() {
		var sms = TwilioSmsText.fit("SEV1 INC-42", " Checkout fails (payments)", ": Cards are declined", LINK);

		assertThat(sms).isEqualTo("SEV1 INC-42 Checkout fails (payments): Cards are declined" + LINK);
	}

	@Test
	void theSummaryGivesWayFirstSoTheLinkStaysInOneSegment() {
		var sms = TwilioSmsText.fit("SEV1 INC-42", " Checkout fails (payments)", ": " + "Cards are declined. ".repeat(10),
				LINK);

		assertThat(sms).startsWith("SEV1 INC-42 Checkout fails (payments): Cards are declined.").endsWith("..." + LINK)
			.hasSize(TwilioSmsText.SEPTETS);
	}

	@Test
	void thenTheTitleGivesWayAndASummaryWithoutRoomGoes() {
		var sms = TwilioSmsText.fit("SEV1 INC-42", " " + "Checkout fails everywhere ".repeat(6), ": Cards are declined", LINK);

		assertThat(sms).startsWith("SEV1 INC-42 Checkout fails everywhere").endsWith("..." + LINK)
			.doesNotContain("Cards").hasSizeLessThanOrEqualTo(TwilioSmsText.SEPTETS);
	}

	@Test
	void extensionCharactersAndTypographyAreCountedAsTheyAreSent() {
		var sms = TwilioSmsText.fit("SEV1 INC-42", " Checkout — “EU”", ": " + "a€{}".repeat(40), LINK);

		assertThat(sms).startsWith("SEV1 INC-42 Checkout - \"EU\": a€{}a€{}").endsWith("..." + LINK);
		assertThat(TwilioSmsText.septets(sms)).isLessThanOrEqualTo(TwilioSmsText.SEPTETS);
		assertThat(TwilioSmsText.septets(sms)).isGreaterThan(TwilioSmsText.SEPTETS - 3);
	}

	@Test
	void aLinkThatLeavesNoRoomIsStillSentWithTheNumberInSeveralSegments() {
		var tail = " Reply 42 to ack. https://firebreak.example/" + "very-long-path/".repeat(10) + "incidents/INC-42";

		var sms = TwilioSmsText.fit("SEV1 INC-42", " Checkout fails", ": Cards are declined", tail);

		assertThat(sms).isEqualTo("SEV1 INC-42" + tail);
		assertThat(TwilioSmsText.septets(sms)).isGreaterThan(TwilioSmsText.SEPTETS);
	}
}
