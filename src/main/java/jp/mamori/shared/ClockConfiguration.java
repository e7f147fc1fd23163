package jp.mamori.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, in Japan time: "today" is the clinic's today.
 * Tests replace it.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(JAPAN);
	}

}
