package dev.firebreak;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with one the tests move by hand, starting at {@link ApiTest#START}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	SettableClock settableClock() {
		return new SettableClock(ApiTest.START);
	}
}
