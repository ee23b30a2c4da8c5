package dev.firebreak.alerting.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The doors monitoring tools use. They carry no session and no token: the routing key in the
 * request is the credential, checked by the endpoint itself.
 */
@Configuration(proxyBeanMethods = false)
class InboundSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain inbound(HttpSecurity http) throws Exception {
		return http.securityMatcher("/v2/**", "/integrations/**", "/ping/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.build();
	}
}
