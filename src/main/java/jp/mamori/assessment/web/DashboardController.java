package jp.mamori.assessment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.assessment.ItemStatus;
import jp.mamori.assessment.NextAction;
import jp.mamori.backup.ScheduledBackups;
import jp.mamori.catalog.ChecklistSection;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.OrgId;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The organisation's status at a glance: counts per section, a chart, 目標日 coming due, the
 * next step.
 */
@Controller
class DashboardController {

	static final int DUE_WITHIN_DAYS = 60;

	/** One section's counts, ready for the table and the chart. */
	record SectionCounts(String heading, int yes, int no, int unanswered, int notNeeded) {
	}

	/** An いいえ item whose 目標日 is near or past. */
	record Due(String itemId, String label, String text, LocalDate targetDate, boolean overdue) {
	}

	private final AssessmentQueries queries;

	private final Organizations organizations;

	private final Clock clock;

	private final MessageSource messages;

	private final ScheduledBackups backups;

	DashboardController(AssessmentQueries queries, Organizations organizations, Clock clock, MessageSource messages,
			ScheduledBackups backups) {
		this.backups = backups;
		this.messages = messages;
		this.queries = queries;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping("/orgs/{org}/dashboard")
	@PreAuthorize("@access.canView(#org)")
	String dashboard(@PathVariable OrgId org, Model model, Locale locale) {
		LocalDate today = LocalDate.now(clock);
		Optional<AssessmentView> latest = queries.latest(org);
		model.addAttribute("org", organizations.require(org));
		NextAction next = NextAction.of(latest, today);
		model.addAttribute("nextAction", messages.getMessage(next.key(), next.argsArray(), locale));
		model.addAttribute("view", latest.orElse(null));
		// the template shows it to administrators only (instance or organisation)
		model.addAttribute("backupWarning", backups.warning().orElse(null));
		if (latest.isPresent()) {
			AssessmentView view = latest.get();
			int round = view.latestRound().number();
			List<SectionCounts> sections = new ArrayList<>();
			for (Map.Entry<ChecklistSection, Map<ItemStatus, Integer>> e : view.countsBySection(round).entrySet()) {
				Map<ItemStatus, Integer> c = e.getValue();
				sections.add(new SectionCounts(e.getKey().heading(), c.get(ItemStatus.YES), c.get(ItemStatus.NO),
						c.get(ItemStatus.UNANSWERED), c.get(ItemStatus.NOT_NEEDED) + c.get(ItemStatus.NOT_REQUIRED)));
			}
			List<Due> due = view.rows()
				.stream()
				.filter(r -> r.round(round).status() == ItemStatus.NO && r.round(round).answer().targetDate() != null)
				.filter(r -> !r.round(round).answer().targetDate().isAfter(today.plusDays(DUE_WITHIN_DAYS)))
				.map(r -> new Due(r.item().id(), r.item().label(), r.item().text(),
						r.round(round).answer().targetDate(), r.round(round).answer().targetDate().isBefore(today)))
				.sorted(Comparator.comparing(Due::targetDate))
				.toList();
			model.addAttribute("round", round);
			model.addAttribute("sections", sections);
			model.addAttribute("due", due);
			model.addAttribute("chartLabels", sections.stream().map(SectionCounts::heading).toList());
			model.addAttribute("chartYes", sections.stream().map(SectionCounts::yes).toList());
			model.addAttribute("chartNo", sections.stream().map(SectionCounts::no).toList());
			model.addAttribute("chartOpen", sections.stream().map(SectionCounts::unanswered).toList());
		}
		return "assessment/dashboard";
	}

}
