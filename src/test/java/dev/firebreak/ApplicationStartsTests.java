package dev.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationStartsTests extends ApiTest {

	@Test
	void healthIsPublic() {
		var health = api.get("/actuator/health", null).expectStatus(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}
}
