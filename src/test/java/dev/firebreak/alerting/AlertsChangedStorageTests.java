package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;

/** An event between modules is stored as JSON and read back when a failed listener is tried again. */
class AlertsChangedStorageTests extends ApiTest {

	@Test
	void aStoredAlertsChangedReadsBackWithTheApplicationsStrictMapper() {
		var empty = new AlertsChanged(List.of(), List.of(), List.of());

		var stored = json.writeValueAsString(empty);

		assertThat(stored).doesNotContain("empty");
		assertThat(json.readValue(stored, AlertsChanged.class)).isEqualTo(empty);
	}
}
