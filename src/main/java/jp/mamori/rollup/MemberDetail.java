package jp.mamori.rollup;

import java.time.LocalDate;
import java.util.List;

import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;

/**
 * The per-site drill-down of a member with full consent: each item's answer in the latest
 * round.
 */
public record MemberDetail(OrgId group, OrgId member, String name, FiscalYear fiscalYear, int round, List<Line> lines) {

	/** One item: its status code, 目標日 and whether it is overdue. */
	public record Line(String itemId, String number, String text, String status, LocalDate targetDate,
			boolean overdue) {

	}

}
