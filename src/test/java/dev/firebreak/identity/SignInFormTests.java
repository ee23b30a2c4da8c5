package dev.firebreak.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;

/** The sign-in form: a wrong password is audited, and guessing is stopped before the password is checked. */
class SignInFormTests extends ApiTest {

	@Test
	void theRightPasswordSignsIn() throws Exception {
		var person = person("viewer");
		var response = mvc.perform(formLogin("/login").user(person.email()).password(person.password()))
			.andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void guessingIsAuditedAndThrottled() throws Exception {
		var person = person("responder");
		for (var i = 0; i < 10; i++) {
			var refused = mvc.perform(formLogin("/login").user(person.email()).password("guess-" + i))
				.andReturn().getResponse();
			assertThat(refused.getRedirectedUrl()).isEqualTo("/login?error");
		}
		var audited = jdbc.sql("select count(*) from identity_audit where action = 'sign_in.refused' and target_id = :email")
			.param("email", person.email()).query(Long.class).single();
		assertThat(audited).isEqualTo(10);

		var throttled = mvc.perform(formLogin("/login").user(person.email()).password(person.password()))
			.andReturn().getResponse();
		assertThat(throttled.getRedirectedUrl()).isEqualTo("/login?throttled");
		var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login?throttled"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Too many wrong passwords").contains("15</span> minutes");

		clock.advance(Duration.ofMinutes(16));
		var signedIn = mvc.perform(formLogin("/login").user(person.email()).password(person.password()))
			.andReturn().getResponse();
		assertThat(signedIn.getRedirectedUrl()).isEqualTo("/");
	}
}
