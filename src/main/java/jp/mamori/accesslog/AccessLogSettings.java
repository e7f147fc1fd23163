package jp.mamori.accesslog;

import java.time.LocalTime;

import jp.mamori.accesslog.rule.RuleSettings;
import jp.mamori.shared.BadInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Detection thresholds and business hours for this instance:
 * {@code mamori.accesslog.business-hours=08:00-19:00} (JST) and the rule defaults of
 * {@link RuleSettings#defaults()}.
 */
@Component
public class AccessLogSettings {

	private final RuleSettings ruleSettings;

	AccessLogSettings(@Value("${mamori.accesslog.business-hours:08:00-19:00}") String businessHours) {
		this.ruleSettings = withBusinessHours(RuleSettings.defaults(), businessHours);
	}

	RuleSettings ruleSettings() {
		return ruleSettings;
	}

	/** Reads {@code HH:mm-HH:mm}. */
	public static RuleSettings withBusinessHours(RuleSettings settings, String hours) {
		String[] parts = hours == null ? new String[0] : hours.strip().split("-");
		try {
			if (parts.length != 2) {
				throw new IllegalArgumentException(hours);
			}
			return settings.withBusinessHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
		}
		catch (RuntimeException ex) {
			throw new BadInputException("業務時間は 08:00-19:00 の形で指定してください: " + hours);
		}
	}

}
