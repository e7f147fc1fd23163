package jp.mamori.support;

import java.time.Clock;
import java.time.ZonedDateTime;

import jp.mamori.shared.ClockConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Tests run on 2025-06-15 (令和7年度) in Japan time. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

	public static final ZonedDateTime NOW = ZonedDateTime.of(2025, 6, 15, 10, 0, 0, 0, ClockConfiguration.JAPAN);

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(NOW.toInstant(), ClockConfiguration.JAPAN);
	}

}
