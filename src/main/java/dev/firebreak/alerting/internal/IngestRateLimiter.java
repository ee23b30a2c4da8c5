package dev.firebreak.alerting.internal;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.Integration;

/**
 * A token bucket per routing key: {@code rate} events a second sustained, bursts of two seconds'
 * worth. The default is generous (1,000/s) so a real monitoring system never meets it; it guards
 * against a runaway script. The buckets live in each instance, so a cluster of N instances lets N
 * times the rate through: a bound, not an exact quota.
 */
@Component
class IngestRateLimiter {

	private static final double BURST_SECONDS = 2.0;

	private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int defaultRate;

	IngestRateLimiter(Clock clock, @Value("${firebreak.ingest.default-rate-per-second}") int defaultRate) {
		this.clock = clock;
		this.defaultRate = defaultRate;
	}

	int defaultRatePerSecond() {
		return defaultRate;
	}

	/** Whether this integration may send one more event now. */
	boolean tryAcquire(Integration integration) {
		var rate = integration.ratePerSecond() == null ? defaultRate : integration.ratePerSecond();
		return buckets.computeIfAbsent(integration.id(), id -> new Bucket()).tryTake(rate, clock.millis());
	}

	private static final class Bucket {

		private double tokens = Double.NaN;

		private long lastMillis;

		synchronized boolean tryTake(int rate, long nowMillis) {
			var capacity = rate * BURST_SECONDS;
			if (Double.isNaN(tokens)) {
				tokens = capacity;
			}
			else {
				tokens = Math.min(capacity, tokens + Math.max(0, nowMillis - lastMillis) * rate / 1000.0);
			}
			lastMillis = nowMillis;
			if (tokens >= 1) {
				tokens -= 1;
				return true;
			}
			return false;
		}
	}
}
