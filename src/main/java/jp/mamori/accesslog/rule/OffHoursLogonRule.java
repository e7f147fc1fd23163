package jp.mamori.accesslog.rule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code off-hours-logon}: a person logging on interactively or remotely outside business
 * hours or days (in the settings' zone, JST by default) — attackers with stolen
 * credentials prefer nights and holidays. Network and service logons are machines talking
 * and are left out. Business hours may cross midnight (22:00–06:00 for a night shift).
 */
public final class OffHoursLogonRule implements DetectionRule {

	public static final String ID = "off-hours-logon";

	private static final Set<Access> PEOPLE_ACCESS = EnumSet.of(Access.INTERACTIVE, Access.REMOTE_DESKTOP, Access.VPN,
			Access.REMOTE_SHELL, Access.DEVICE_ADMIN);

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "業務時間外のログオン";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return Groups.run(
				event -> Logons.isSuccess(event) && Logons.isPerson(event)
						&& (PEOPLE_ACCESS.contains(event.access()) || Logons.isRemoteDesktop(event))
						&& isOffHours(event, settings),
				event -> event.account(), (account, draft) -> finding(draft, settings));
	}

	/** Whether the event falls outside business hours or on a day without them. */
	static boolean isOffHours(LogEvent event, RuleSettings settings) {
		ZonedDateTime local = event.time().atZone(settings.zone());
		DayOfWeek day = local.getDayOfWeek();
		LocalTime time = local.toLocalTime();
		LocalTime start = settings.businessStart();
		LocalTime end = settings.businessEnd();
		boolean inHours;
		if (!start.isAfter(end)) {
			inHours = !time.isBefore(start) && time.isBefore(end);
		}
		else {
			inHours = !time.isBefore(start) || time.isBefore(end);
		}
		return !inHours || !settings.businessDays().contains(day);
	}

	private static Finding finding(FindingDraft draft, RuleSettings settings) {
		String hours = Wording.days(settings.businessDays()) + " " + HOURS.format(settings.businessStart()) + "〜"
				+ HOURS.format(settings.businessEnd());
		String hosts = draft.hosts().size() == 0 ? "" : "、ログオン先 " + Wording.names(draft.hosts().names(), 3);
		String summary = "アカウント " + draft.accounts().names().get(0) + " が業務時間外（業務時間は " + hours + "）に " + draft.count()
				+ " 回ログオンしました（" + Wording.period(draft.first(), draft.last(), settings.zone()) + "、"
				+ Wording.sources(draft.sources()) + hosts + "）。本人の業務によるものか確認してください。";
		return draft.finding(ID, Severity.MEDIUM, summary);
	}

}
