package dev.firebreak.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors. The API ({@code /api/**} and the actuator) takes bearer tokens only: no session, no
 * CSRF, problem details for 401 and 403. The browser UI signs in with a form and a session, with
 * CSRF. On both, reading needs a viewer and any change needs at least a responder; admin-only
 * actions say so on their controller method.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder(@Value("${firebreak.sign-in.password-cost}") int cost) {
		return new BCryptPasswordEncoder(cost);
	}

	@Bean
	UserDetailsService userDetailsService(AccountStore accounts, SignInThrottle throttle) {
		return email -> accounts.findUserByEmail(email)
			.map(user -> throttle.blocked(AccountStore.normalise(email)) ? user.locked() : user)
			.orElseThrow(() -> new UsernameNotFoundException("No account " + email));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, IdentityService identity, JsonMapper json) throws Exception {
		var problems = new ProblemWriter(json);
		return http.securityMatcher("/api/**", "/actuator/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new BearerTokenFilter(identity, problems), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						"Authentication required",
						"Send an API token as 'Authorization: Bearer <token>'; POST /api/v1/auth/token with your e-mail and password issues one."))
				.accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
						"Not allowed", "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()
								+ "; ask an administrator if you need it.")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/api/v1/tokens", "/api/v1/tokens/**").authenticated()
				.requestMatchers(HttpMethod.GET, "/api/**", "/actuator/**").hasRole("VIEWER")
				.requestMatchers(HttpMethod.HEAD, "/api/**").hasRole("VIEWER")
				.anyRequest().hasRole("RESPONDER"))
			.build();
	}

	static final String[] SIGNED_PATHS = { "/calendar/**", "/notifications/ack/**", "/notifications/twilio/**",
			"/status/subscribe/confirm/**", "/status/unsubscribe/**" };

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http) throws Exception {
		return http
			// where a signed link or a provider's request signature is the credential, checked by the
			// controller: calendar feeds, one-click acknowledgement from a message, Twilio callbacks, a
			// status page subscriber's confirmation and one-click unsubscribe (RFC 8058: mail clients post it)
			.csrf(csrf -> csrf.ignoringRequestMatchers(SIGNED_PATHS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(SIGNED_PATHS).permitAll()
				// the public status page: what its server filter leaves to the application (the subscribe form)
				.requestMatchers("/status", "/status/**").permitAll()
				.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/favicon.ico").permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.requestMatchers(HttpMethod.GET).hasRole("VIEWER")
				.requestMatchers(HttpMethod.POST, "/logout").authenticated()
				.anyRequest().hasRole("RESPONDER"))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
				.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
						+ (e instanceof LockedException ? "/login?throttled" : "/login?error")))
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.build();
	}

	/** Writes a problem detail where no controller is involved: the security filters. */
	static final class ProblemWriter {

		private final JsonMapper json;

		ProblemWriter(JsonMapper json) {
			this.json = json;
		}

		void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
			var problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(title);
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			if (status == HttpStatus.UNAUTHORIZED) {
				response.setHeader("WWW-Authenticate", "Bearer");
			}
			json.writeValue(response.getOutputStream(), problem);
		}
	}
}
