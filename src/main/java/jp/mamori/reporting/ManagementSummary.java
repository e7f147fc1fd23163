package jp.mamori.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.assessment.ItemStatus;
import jp.mamori.catalog.ChecklistSection;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.Evaluation;
import jp.mamori.evaluation.Suggestion;
import jp.mamori.organization.Organizations;
import jp.mamori.reporting.internal.RiskWording;
import jp.mamori.reporting.internal.SummaryPdf;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.WarekiDate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The management one-pager (経営層向け) of an assessment: the state per section in the latest
 * round, what the ledgers say about the answers, the top risks in plain Japanese, the いいえ
 * items past their 目標日, the trend over rounds and 年度, and a signature line for the
 * 安全管理責任者. Shown as a page and as a one-page A4 PDF drawn from the same model.
 */
@Service
public class ManagementSummary {

	/** How many risks the one-pager lists. */
	public static final int TOP_RISKS = 5;

	/** How many overdue items the PDF prints before 「ほかN件」. */
	public static final int PDF_OVERDUE = 8;

	/** How many characters of a risk's reason the PDF prints. */
	public static final int PDF_REASON_LENGTH = 140;

	/**
	 * The one-pager's content.
	 *
	 * @param fiscalYear 令和7年度
	 * @param version 令和7年度版
	 * @param form 医療機関確認用
	 * @param round the latest round, whose answers are counted
	 * @param preparedOn the day the summary was drawn up
	 */
	public record Summary(OrgId org, UUID assessmentId, String orgName, String fiscalYear, String version, String form,
			int round, LocalDate preparedOn, List<SectionState> sections, Evidence evidence, List<Risk> risks,
			List<Overdue> overdue, List<RoundTrend> rounds, List<YearTrend> years) {

		public Summary {
			sections = List.copyOf(sections);
			risks = List.copyOf(risks);
			overdue = List.copyOf(overdue);
			rounds = List.copyOf(rounds);
			years = List.copyOf(years);
		}

		/** 作成日 in 和暦. */
		public String preparedOnWareki() {
			return WarekiDate.format(preparedOn);
		}

		/**
		 * The overdue items the PDF prints: the {@value #PDF_OVERDUE} earliest, so the
		 * page stays one page.
		 */
		public List<Overdue> overdueOnPaper() {
			return overdue.subList(0, Math.min(PDF_OVERDUE, overdue.size()));
		}

		/** Overdue items left off the PDF. */
		public int overdueLeftOff() {
			return overdue.size() - overdueOnPaper().size();
		}

		/** The 年度 trend is shown only when there is more than this assessment. */
		public boolean hasYearTrend() {
			return years.size() > 1;
		}

		/** Totals over every section. */
		public SectionState total() {
			return new SectionState("", sections.stream().mapToInt(SectionState::yes).sum(),
					sections.stream().mapToInt(SectionState::no).sum(),
					sections.stream().mapToInt(SectionState::unanswered).sum(),
					sections.stream().mapToInt(SectionState::notNeeded).sum());
		}

	}

	/**
	 * One section's counts in the latest round; {@code notNeeded} includes 記入不要.
	 */
	public record SectionState(String heading, int yes, int no, int unanswered, int notNeeded) {
	}

	/**
	 * What the ledgers say: items whose evidence supports はい, shows いいえ, or cannot
	 * decide; {@code disagreements} counts answers opposite to the evidence.
	 */
	public record Evidence(int supported, int contradicted, int undetermined, int disagreements) {
	}

	/**
	 * A failing check as a risk: the plain sentence, its first reason and the items it
	 * concerns (2-⑤ …).
	 */
	public record Risk(String checkId, String sentence, String reason, List<String> items) {

		public Risk {
			items = List.copyOf(items);
		}

		public String itemLabels() {
			return String.join("、", items);
		}

		/** The reason shortened to {@value #PDF_REASON_LENGTH} characters for the PDF. */
		public String reasonOnPaper() {
			return reason.length() <= PDF_REASON_LENGTH ? reason : reason.substring(0, PDF_REASON_LENGTH - 1) + "…";
		}

	}

	/** An いいえ item whose 目標日 has passed. */
	public record Overdue(String itemId, String label, String text, LocalDate targetDate) {

		public String targetDateWareki() {
			return WarekiDate.format(targetDate);
		}

	}

	/** はい in one round of this assessment, out of {@code items} rows. */
	public record RoundTrend(int round, long yes, int items) {
	}

	/** はい in the latest round of an assessment of a 年度. */
	public record YearTrend(String fiscalYear, String version, String form, long yes, int items, boolean current) {
	}

	private final AssessmentQueries assessments;

	private final Organizations organizations;

	private final Evaluation evaluation;

	private final Clock clock;

	private final SummaryPdf pdf;

	ManagementSummary(AssessmentQueries assessments, Organizations organizations, Evaluation evaluation, Clock clock,
			MessageSource messages) {
		this.assessments = assessments;
		this.organizations = organizations;
		this.evaluation = evaluation;
		this.clock = clock;
		this.pdf = new SummaryPdf(messages);
	}

	/**
	 * The one-pager of an assessment.
	 * @throws jp.mamori.shared.NotFoundException when the assessment is not the
	 * organisation's
	 */
	@Transactional(readOnly = true)
	public Summary summarize(OrgId org, UUID assessmentId) {
		AssessmentView view = assessments.view(org, assessmentId);
		LocalDate today = LocalDate.now(clock);
		int round = view.latestRound().number();
		Evaluation.AssessmentEvaluation evaluated = evaluation.evaluate(org, assessmentId);
		Assessment assessment = view.assessment();
		return new Summary(org, assessmentId, organizations.require(org).name(),
				assessment.fiscalYear().japaneseLabel(), view.version().era(), view.form().title(), round, today,
				sections(view, round), evidence(view, round, evaluated), risks(view, evaluated),
				overdue(view, round, today), rounds(view), years(org, assessment));
	}

	/** The one-pager as a one-page A4 portrait PDF with IPAexGothic embedded. */
	@Transactional(readOnly = true)
	public byte[] pdf(OrgId org, UUID assessmentId, Locale locale) {
		return pdf.render(summarize(org, assessmentId), locale);
	}

	/** An ASCII file name such as {@code summary-R7-institution-2025.pdf}. */
	public String fileName(OrgId org, UUID assessmentId) {
		Assessment assessment = assessments.require(org, assessmentId);
		String version = assessment.versionId().replaceAll("[^A-Za-z0-9_-]", "_");
		return "summary-" + version + "-" + assessment.form().code() + "-" + assessment.fiscalYear().startYear()
				+ ".pdf";
	}

	/** {@code 経営層向けサマリー_令和7年度_○○診療所.pdf}. */
	public String japaneseFileName(OrgId org, UUID assessmentId) {
		Assessment assessment = assessments.require(org, assessmentId);
		String name = String.join("_", "経営層向けサマリー", assessment.fiscalYear().japaneseLabel(),
				organizations.require(org).name()) + ".pdf";
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
	}

	private static List<SectionState> sections(AssessmentView view, int round) {
		List<SectionState> sections = new ArrayList<>();
		for (Map.Entry<ChecklistSection, Map<ItemStatus, Integer>> e : view.countsBySection(round).entrySet()) {
			Map<ItemStatus, Integer> c = e.getValue();
			sections.add(new SectionState(e.getKey().heading(), c.get(ItemStatus.YES), c.get(ItemStatus.NO),
					c.get(ItemStatus.UNANSWERED), c.get(ItemStatus.NOT_NEEDED) + c.get(ItemStatus.NOT_REQUIRED)));
		}
		return sections;
	}

	private static Evidence evidence(AssessmentView view, int round, Evaluation.AssessmentEvaluation evaluated) {
		int supported = 0;
		int contradicted = 0;
		int undetermined = 0;
		int disagreements = 0;
		for (Evaluation.ItemEvaluation item : evaluated.items()) {
			switch (item.suggestion()) {
				case YES -> supported++;
				case NO -> contradicted++;
				case UNDETERMINED -> undetermined++;
			}
			ItemStatus status = view.row(item.itemId()).map(r -> r.round(round).status()).orElse(ItemStatus.UNANSWERED);
			if ((status == ItemStatus.YES && item.suggestion() == Suggestion.NO)
					|| (status == ItemStatus.NO && item.suggestion() == Suggestion.YES)) {
				disagreements++;
			}
		}
		return new Evidence(supported, contradicted, undetermined, disagreements);
	}

	private static List<Risk> risks(AssessmentView view, Evaluation.AssessmentEvaluation evaluated) {
		// one risk per failing check, with every item it is bound to
		Map<String, Evaluation.CheckOutcome> failing = new LinkedHashMap<>();
		Map<String, List<String>> items = new LinkedHashMap<>();
		for (Evaluation.ItemEvaluation item : evaluated.items()) {
			for (Evaluation.CheckOutcome outcome : item.checks()) {
				if (outcome.result().status() != CheckStatus.FAIL) {
					continue;
				}
				failing.putIfAbsent(outcome.id(), outcome);
				String label = view.row(item.itemId()).map(r -> r.item().label()).orElse(item.itemId());
				List<String> labels = items.computeIfAbsent(outcome.id(), k -> new ArrayList<>());
				if (!labels.contains(label)) {
					labels.add(label);
				}
			}
		}
		return failing.values()
			.stream()
			.sorted(Comparator.comparingInt((Evaluation.CheckOutcome o) -> RiskWording.severity(o.id()))
				.thenComparing(Evaluation.CheckOutcome::id))
			.limit(TOP_RISKS)
			.map(o -> new Risk(o.id(), RiskWording.sentence(o.id(), o.title()),
					o.result().reasons().isEmpty() ? "" : o.result().reasons().get(0), items.get(o.id())))
			.toList();
	}

	private static List<Overdue> overdue(AssessmentView view, int round, LocalDate today) {
		return view.rows()
			.stream()
			.filter(r -> r.round(round).status() == ItemStatus.NO)
			.filter(r -> r.round(round).answer().targetDate() != null
					&& r.round(round).answer().targetDate().isBefore(today))
			.map(r -> new Overdue(r.item().id(), r.item().label(), r.item().text(),
					r.round(round).answer().targetDate()))
			.sorted(Comparator.comparing(Overdue::targetDate))
			.toList();
	}

	private static List<RoundTrend> rounds(AssessmentView view) {
		List<RoundTrend> trend = new ArrayList<>();
		for (int k = 1; k <= view.rounds().size(); k++) {
			trend.add(new RoundTrend(k, view.count(k, ItemStatus.YES), view.rows().size()));
		}
		return trend;
	}

	private List<YearTrend> years(OrgId org, Assessment current) {
		List<YearTrend> years = new ArrayList<>();
		List<Assessment> all = new ArrayList<>(assessments.list(org));
		all.sort(Comparator.comparing(Assessment::fiscalYear).thenComparing(Assessment::createdAt));
		for (Assessment assessment : all) {
			AssessmentView view = assessments.view(org, assessment.id());
			if (view.rounds().isEmpty()) {
				continue;
			}
			int latest = view.latestRound().number();
			years.add(new YearTrend(assessment.fiscalYear().japaneseLabel(), view.version().era(), view.form().title(),
					view.count(latest, ItemStatus.YES), view.rows().size(), assessment.id().equals(current.id())));
		}
		return years;
	}

}
