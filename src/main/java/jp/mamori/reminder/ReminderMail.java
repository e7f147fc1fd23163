package jp.mamori.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.mamori.evaluation.RemediationTask;
import jp.mamori.organization.Organization;
import jp.mamori.shared.WarekiDate;
import org.springframework.context.MessageSource;

/**
 * The text of one reminder: subject and plain-text body in Japanese (the words are in the
 * message bundles, {@code reminder.mail.*}), tasks grouped by organisation, overdue
 * first, each with a link built from {@code mamori.base-url}.
 */
final class ReminderMail {

	/** One task in a reminder, with the organisation it belongs to. */
	record Line(Organization org, RemediationTask task) {
	}

	/** Reminders are read in Japanese: users have no language of their own yet. */
	static final Locale LANGUAGE = Locale.JAPANESE;

	private final MessageSource messages;

	private final String baseUrl;

	ReminderMail(MessageSource messages, String baseUrl) {
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	String subject(List<Line> lines, LocalDate today, int days) {
		long overdue = lines.stream().filter(l -> l.task().overdueOn(today)).count();
		return text("reminder.mail.subject", overdue, days, lines.size() - overdue);
	}

	String body(String displayName, List<Line> lines, LocalDate today, int days) {
		List<String> out = new ArrayList<>();
		out.add(text("reminder.mail.greeting", displayName));
		out.add("");
		out.add(text("reminder.mail.intro", days));
		Map<Organization, List<RemediationTask>> byOrg = new LinkedHashMap<>();
		lines.forEach(l -> byOrg.computeIfAbsent(l.org(), o -> new ArrayList<>()).add(l.task()));
		byOrg.forEach((org, tasks) -> {
			out.add("");
			out.add(text("reminder.mail.org", org.name()));
			for (RemediationTask task : tasks) {
				String due = WarekiDate.format(task.dueOn());
				out.add(task.overdueOn(today) ? text("reminder.mail.overdue", due, task.title())
						: text("reminder.mail.due", due, task.title()));
				out.add("  " + text("reminder.mail.status",
						messages.getMessage("task.status." + task.status().code(), null, LANGUAGE)));
				out.add("  " + link("/orgs/" + org.id() + "/tasks/" + task.id()));
			}
			out.add("");
			out.add(text("reminder.mail.list", link("/orgs/" + org.id() + "/tasks")));
		});
		out.add("");
		out.add("--");
		out.add(text("reminder.mail.optOut", link("/account/profile")));
		out.add(text("reminder.mail.footer"));
		return String.join("\n", out) + "\n";
	}

	private String link(String path) {
		return baseUrl + path;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LANGUAGE);
	}

}
