package dev.firebreak.alerting.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The doors monitoring tools use. They carry no session, no cookie and no token: the routing key
 * in the request is the credential, checked by the endpoint itself. So Spring Security's filters
 * (sessions, CSRF, headers for browsers) have nothing to do here, and during an alert storm
 * their cost per request is a third of the server's time: these paths skip them. Its request
 * firewall still applies.
 */
@Configuration(proxyBeanMethods = false)
class InboundSecurity {

	@Bean
	WebSecurityCustomizer inbound() {
		return web -> web.ignoring().requestMatchers("/v2/**", "/integrations/**", "/ping/**");
	}
}
