package dev.firebreak;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the API as a client would, through the whole filter chain, and reads the answer. */
public final class Api {

	private final MockMvc mvc;

	private final JsonMapper json;

	public Api(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	public String token(String email, String password) {
		var response = post("/api/v1/auth/token", null, """
				{"email": "%s", "password": "%s"}""".formatted(email, password));
		response.expectStatus(201);
		return response.json().get("token").asString();
	}

	public Response get(String uri, String token) {
		return call(HttpMethod.GET, uri, token, null);
	}

	public Response post(String uri, String token, String body) {
		return call(HttpMethod.POST, uri, token, body);
	}

	/** Answers to the resolution gate that a test of what follows resolution gives, overriding what its record lacks. */
	public static final String RESOLVED_OVER_THE_GATE = """
			{"customer_impact": "none", "root_cause_deferred": true, "systems_normal": true, "customers_can_resume": true,
			 "containment": "none needed", "guardrails": "none", "follow_ups": "none",
			 "override_reason": "this test is about what follows resolution, not about the gate"}""";

	/** Resolves over the gate, as the incident commander or an admin: for tests of what comes after. */
	public Response resolve(String id, String token) {
		return post("/api/v1/incidents/" + id + "/resolution", token, RESOLVED_OVER_THE_GATE);
	}

	public Response put(String uri, String token, String body) {
		return call(HttpMethod.PUT, uri, token, body);
	}

	public Response delete(String uri, String token) {
		return call(HttpMethod.DELETE, uri, token, null);
	}

	public Response call(HttpMethod method, String uri, String token, String body) {
		var request = request(method, uri).with(r -> {
			r.setRemoteAddr("192.0.2.7");
			return r;
		});
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		try {
			var result = answered(mvc.perform(request).andReturn());
			return new Response(result.getStatus(), result.getContentType(),
					result.getContentAsString(StandardCharsets.UTF_8), result.getHeader(HttpHeaders.LOCATION), json);
		}
		catch (Exception e) {
			throw new IllegalStateException(method + " " + uri + " failed", e);
		}
	}

	/**
	 * The response once it is complete. An alert event is answered asynchronously, after the
	 * commit of its batch ({@code IngestEndpoints}): then this waits for the answer.
	 */
	public static MockHttpServletResponse answered(MvcResult result) {
		var request = result.getRequest();
		if (request.isAsyncStarted()) {
			Awaitility.await("the answer of " + request.getRequestURI()).atMost(Duration.ofSeconds(40))
				.pollInterval(Duration.ofMillis(2)).until(() -> !request.isAsyncStarted());
		}
		return result.getResponse();
	}

	public record Response(int status, String contentType, String body, String location, JsonMapper mapper) {

		public JsonNode json() {
			return mapper.readTree(body);
		}

		public Response expectStatus(int expected) {
			Assertions.assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
			return this;
		}

		/** The answer is a problem detail with this status. */
		public JsonNode problem(int expected) {
			expectStatus(expected);
			Assertions.assertThat(contentType).startsWith("application/problem+json");
			var problem = json();
			Assertions.assertThat(problem.get("detail").asString()).isNotBlank();
			return problem;
		}
	}
}
