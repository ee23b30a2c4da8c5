package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A 503 tells the client to retry, and keeps the database's words about why in the log. */
class IngestUnavailableAnswerTests {

	@Test
	void theDatabasesMessageIsNotAnswered() {
		// the shape of what the ingest writer throws when its transaction fails (seen with a value too long for a column)
		var failure = new IngestUnavailable("the events could not be stored (PreparedStatementCallback; SQL [insert into"
				+ " alert (id, summary)\n values (?, ?)]; Value too long for column \"source CHARACTER VARYING(1024)\"); retry");
		var answer = new IngestUnavailableAnswer().unavailable(failure);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(answer.getBody().get("errors").toString())
			.isEqualTo("[Not stored: the events could not be stored; retry.]");
	}

	@Test
	void aReasonWithoutTheDatabasesWordsIsAnsweredWhole() {
		var answer = new IngestUnavailableAnswer()
			.unavailable(new IngestUnavailable("more events are waiting than this instance takes; retry shortly"));
		assertThat(answer.getBody().get("errors").toString())
			.isEqualTo("[Not stored: more events are waiting than this instance takes; retry shortly.]");
	}
}
