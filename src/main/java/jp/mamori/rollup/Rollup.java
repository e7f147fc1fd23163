package jp.mamori.rollup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.mamori.organization.DetailConsent;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;

/**
 * A group's roll-up for one fiscal year.
 *
 * @param today the day 目標日 are compared with (overdue = いいえ with 目標日 before it)
 */
public record Rollup(OrgId group, String groupName, FiscalYear fiscalYear, LocalDate today, List<MemberRollup> members,
		List<ItemRollup> items) {

	/** Check ids whose failures count as critical findings, in display order. */
	public static final List<String> CRITICAL_CHECKS = List.of("account.no-leaver-enabled",
			"vulnerability.no-kev-or-eol", "network.no-open-source-rules");

	/**
	 * One member. Numbers are {@code null} unless the consent allows them; {@code items}
	 * (item id → yes / no / not_required / not_needed / unanswered) is empty unless the
	 * consent is {@code full}.
	 *
	 * @param hasAssessment whether the member has an assessment for the fiscal year
	 * @param critical per critical check id: the number of findings when it failed, 0
	 * when it passed; absent when the check could not tell or is not bound
	 */
	public record MemberRollup(OrgId org, String name, DetailConsent consent, boolean hasAssessment, Integer answered,
			Integer yes, Integer overdue, Map<String, Integer> critical, Map<String, String> items) {

		public boolean drillDown() {
			return consent.showsDetail() && hasAssessment;
		}

	}

	/**
	 * One item across the members that show numbers. {@code shareYes} is はい over (はい +
	 * いいえ + unanswered), rounded to two decimals; members for which the item is 記入不要 or
	 * 確認不要 count in none of them.
	 */
	public record ItemRollup(String itemId, String number, String text, int yes, int no, int unanswered,
			double shareYes) {

	}

}
