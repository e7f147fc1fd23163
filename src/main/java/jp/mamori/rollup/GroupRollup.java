package jp.mamori.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.assessment.ItemStatus;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.Evaluation;
import jp.mamori.organization.GroupMember;
import jp.mamori.organization.Organization;
import jp.mamori.organization.OrganizationGroups;
import jp.mamori.organization.Organizations;
import jp.mamori.rollup.internal.RollupWorkbook;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a group's roll-up from its accepted members' assessments. Callers have checked
 * that the user may view the group; this class enforces each member's consent.
 */
@Service
public class GroupRollup {

	private final OrganizationGroups groups;

	private final Organizations organizations;

	private final AssessmentQueries assessments;

	private final Evaluation evaluation;

	private final Clock clock;

	GroupRollup(OrganizationGroups groups, Organizations organizations, AssessmentQueries assessments,
			Evaluation evaluation, Clock clock) {
		this.groups = groups;
		this.organizations = organizations;
		this.assessments = assessments;
		this.evaluation = evaluation;
		this.clock = clock;
	}

	public FiscalYear currentFiscalYear() {
		return FiscalYear.containing(LocalDate.now(clock));
	}

	@Transactional(readOnly = true)
	public Rollup rollup(OrgId group, FiscalYear fiscalYear) {
		Organization groupOrg = groups.requireGroup(group);
		LocalDate today = LocalDate.now(clock);
		List<Rollup.MemberRollup> members = new ArrayList<>();
		// item id → its tally; insertion order = printed order of the first form seen
		Map<String, ItemTally> tallies = new LinkedHashMap<>();
		List<Optional<AssessmentView>> counted = new ArrayList<>();
		for (GroupMember membership : groups.members(group)) {
			Organization org = organizations.require(membership.member());
			if (!membership.consent().showsNumbers()) {
				members.add(new Rollup.MemberRollup(org.id(), org.name(), membership.consent(), false, null, null, null,
						Map.of(), Map.of()));
				continue;
			}
			Optional<AssessmentView> view = latest(org.id(), fiscalYear);
			counted.add(view);
			view.ifPresent(v -> v.rows()
				.forEach(row -> tallies.computeIfAbsent(row.item().id(),
						id -> new ItemTally(row.item().number(), row.item().text()))));
			members.add(member(membership, org, view, today));
		}
		for (Optional<AssessmentView> view : counted) {
			for (Map.Entry<String, ItemTally> e : tallies.entrySet()) {
				// a member without an assessment for the year has answered nothing
				ItemStatus status = view.flatMap(v -> v.row(e.getKey()))
					.map(row -> latestRound(row).status())
					.orElse(ItemStatus.UNANSWERED);
				e.getValue().add(status);
			}
		}
		List<Rollup.ItemRollup> items = tallies.entrySet().stream().map(e -> e.getValue().result(e.getKey())).toList();
		return new Rollup(group, groupOrg.name(), fiscalYear, today, members, items);
	}

	/**
	 * The drill-down of one member; not found unless the member consented to full detail.
	 */
	@Transactional(readOnly = true)
	public MemberDetail detail(OrgId group, OrgId member, FiscalYear fiscalYear) {
		groups.requireGroup(group);
		GroupMember membership = groups.members(group)
			.stream()
			.filter(m -> m.member().equals(member) && m.consent().showsDetail())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("この拠点の詳細は開示されていません"));
		AssessmentView view = latest(member, fiscalYear).orElseThrow(() -> new NotFoundException("この年度のチェックリストがありません"));
		LocalDate today = LocalDate.now(clock);
		List<MemberDetail.Line> lines = view.rows().stream().map(row -> {
			AssessmentView.RoundAnswer answer = latestRound(row);
			return new MemberDetail.Line(row.item().id(), row.item().number(), row.item().text(),
					answer.status().code(), answer.answer().targetDate(), overdue(answer, today));
		}).toList();
		return new MemberDetail(group, membership.member(), organizations.require(member).name(), fiscalYear,
				view.latestRound().number(), lines);
	}

	public byte[] workbook(Rollup rollup) {
		return RollupWorkbook.render(rollup);
	}

	private Rollup.MemberRollup member(GroupMember membership, Organization org, Optional<AssessmentView> found,
			LocalDate today) {
		if (found.isEmpty()) {
			return new Rollup.MemberRollup(org.id(), org.name(), membership.consent(), false, 0, 0, 0, Map.of(),
					Map.of());
		}
		AssessmentView view = found.get();
		int answered = 0;
		int yes = 0;
		int overdue = 0;
		Map<String, String> items = new LinkedHashMap<>();
		for (AssessmentView.Row row : view.rows()) {
			AssessmentView.RoundAnswer answer = latestRound(row);
			answered += answer.status() == ItemStatus.UNANSWERED ? 0 : 1;
			yes += answer.status() == ItemStatus.YES ? 1 : 0;
			overdue += overdue(answer, today) ? 1 : 0;
			if (membership.consent().showsDetail()) {
				items.put(row.item().id(), answer.status().code());
			}
		}
		return new Rollup.MemberRollup(org.id(), org.name(), membership.consent(), true, answered, yes, overdue,
				critical(org.id(), view), items);
	}

	private Map<String, Integer> critical(OrgId org, AssessmentView view) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		var result = evaluation.evaluate(org, view.assessment().id());
		for (String checkId : Rollup.CRITICAL_CHECKS) {
			result.items()
				.stream()
				.flatMap(item -> item.checks().stream())
				.filter(check -> check.id().equals(checkId))
				.findFirst()
				.ifPresent(check -> {
					CheckStatus status = check.result().status();
					if (status == CheckStatus.FAIL) {
						// one reason per finding (refs may name two records for one
						// finding)
						counts.put(checkId, Math.max(1, check.result().reasons().size()));
					}
					else if (status == CheckStatus.PASS) {
						counts.put(checkId, 0);
					}
				});
		}
		return counts;
	}

	private Optional<AssessmentView> latest(OrgId org, FiscalYear fiscalYear) {
		// list() is ordered newest first, so the first of the year is the latest one
		return assessments.list(org)
			.stream()
			.filter(a -> a.fiscalYear().equals(fiscalYear))
			.findFirst()
			.map(a -> assessments.view(org, a.id()));
	}

	private static AssessmentView.RoundAnswer latestRound(AssessmentView.Row row) {
		return row.rounds().get(row.rounds().size() - 1);
	}

	private static boolean overdue(AssessmentView.RoundAnswer answer, LocalDate today) {
		return answer.status() == ItemStatus.NO && answer.answer().targetDate() != null
				&& answer.answer().targetDate().isBefore(today);
	}

	private static final class ItemTally {

		private final String number;

		private final String text;

		private int yes;

		private int no;

		private int unanswered;

		ItemTally(String number, String text) {
			this.number = number;
			this.text = text;
		}

		void add(ItemStatus status) {
			switch (status) {
				case YES -> yes++;
				case NO -> no++;
				case UNANSWERED -> unanswered++;
				default -> {
					// 記入不要 / 確認不要: the item does not apply to that member
				}
			}
		}

		Rollup.ItemRollup result(String itemId) {
			int counted = yes + no + unanswered;
			double share = counted == 0 ? 0
					: BigDecimal.valueOf(yes)
						.divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP)
						.doubleValue();
			return new Rollup.ItemRollup(itemId, number, text, yes, no, unanswered, share);
		}

	}

}
