package jp.mamori.reporting.internal;

import java.util.ArrayList;
import java.util.List;

import jp.mamori.assessment.AssessmentView;
import jp.mamori.assessment.ItemStatus;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistSection;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.WarekiDate;

/**
 * The content of the official form, independent of the file format: the title block, the
 * column headings and the lines in printed order (section headings, scope sub-headings,
 * item rows with rounds 1…N side by side). Both the workbook and the PDF are drawn from
 * it, so they cannot disagree.
 *
 * @param title {@code 令和7年度版 医療機関におけるサイバーセキュリティ対策チェックリスト}
 * @param formTitle {@code 【医療機関確認用】}
 * @param inspectionNotice 立入検査時、本チェックリストを確認します, or empty before 令和6年度版
 * @param nameLine {@code 医療機関名: ○○}
 * @param fiscalYearLine {@code 対象年度: 令和7年度}
 * @param rounds how many rounds are shown (the exported round and every one before it)
 */
public record ChecklistLayout(String title, String formTitle, String inspectionNotice, String nameLine,
		String fiscalYearLine, int rounds, List<Line> lines) {

	public ChecklistLayout {
		lines = List.copyOf(lines);
	}

	/** One printed line of the table. */
	public sealed interface Line permits Heading, SubHeading, ItemLine {

		/**
		 * {@code heading}, {@code scope} or {@code item}: lets the template pick the row
		 * markup.
		 */
		String kind();

	}

	/** A section heading such as {@code 2 医療情報システムの管理・運用}. */
	public record Heading(String text) implements Line {

		@Override
		public String kind() {
			return "heading";
		}

	}

	/** A scope sub-heading within section 2: 医療情報システム全般, サーバ, 端末PC, ネットワーク機器. */
	public record SubHeading(String text) implements Line {

		@Override
		public String kind() {
			return "scope";
		}

	}

	/** One answerable row. */
	public record ItemLine(String number, String text, String scope, List<RoundCells> rounds,
			String note) implements Line {

		public ItemLine {
			rounds = List.copyOf(rounds);
		}

		@Override
		public String kind() {
			return "item";
		}

	}

	/** 確認結果, 確認日 and 目標日 of one round, as printed (dates in 和暦). */
	public record RoundCells(String result, String checkedOn, String targetDate) {
	}

	/**
	 * Lays out rounds 1…{@code round} of an assessment for the organisation named
	 * {@code orgName}.
	 */
	public static ChecklistLayout of(AssessmentView view, String orgName, int round) {
		if (round < 1 || round > view.rounds().size()) {
			throw new BadInputException(round + "回目の確認はありません（このチェックリストは" + view.rounds().size() + "回目まであります）");
		}
		var version = view.version();
		String notice = version.fiscalYear().startYear() >= FormWording.INSPECTION_NOTICE_SINCE
				? FormWording.INSPECTION_NOTICE : "";
		List<Line> lines = new ArrayList<>();
		for (ChecklistSection section : view.form().sections()) {
			lines.add(new Heading(section.heading()));
			String currentScope = "";
			for (AssessmentView.Row row : view.rows()) {
				CatalogItem item = row.item();
				if (!item.sectionId().equals(section.id())) {
					continue;
				}
				String scope = scopeOf(item);
				if (!scope.isEmpty() && !scope.equals(currentScope)) {
					lines.add(new SubHeading(scope));
				}
				currentScope = scope;
				lines.add(itemLine(row, scope, round));
			}
		}
		return new ChecklistLayout(version.era() + " " + view.form().documentTitle(),
				FormWording.formTitle(view.form().title()), notice, nameLine(view, orgName),
				FormWording.FISCAL_YEAR + view.assessment().fiscalYear().japaneseLabel(), round, lines);
	}

	/**
	 * 事業者名 of a per-vendor 事業者確認用 is the vendor, with the institution it answered for;
	 * every other form names the organisation itself.
	 */
	static String nameLine(AssessmentView view, String orgName) {
		String subject = view.assessment().subject();
		if (subject.isEmpty()) {
			return FormWording.nameLabel(view.form().code()) + orgName;
		}
		return FormWording.nameLabel(view.form().code()) + subject + "（" + orgName + " 向け）";
	}

	/**
	 * A row split by scope prints under its own scope; an unsplit row under all its
	 * scopes (サーバ・端末PC).
	 */
	static String scopeOf(CatalogItem item) {
		return item.scope() != null ? item.scope().label() : item.scopeLabel();
	}

	static String itemText(CatalogItem item) {
		StringBuilder text = new StringBuilder(item.text());
		if (item.reference()) {
			text.append(FormWording.REFERENCE);
		}
		else if (item.partialReference()) {
			text.append(FormWording.PARTIAL_REFERENCE);
		}
		if (item.dueNote() != null && !item.dueNote().isBlank()) {
			text.append('\n').append(item.dueNote());
		}
		return text.toString();
	}

	private static ItemLine itemLine(AssessmentView.Row row, String scope, int lastRound) {
		List<RoundCells> cells = new ArrayList<>();
		for (int k = 1; k <= lastRound; k++) {
			AssessmentView.RoundAnswer answer = row.round(k);
			// 確認不要 rows were not checked: dates left over from before the gate was
			// answered いいえ are not printed
			boolean checked = answer.status() != ItemStatus.NOT_NEEDED;
			cells.add(new RoundCells(FormWording.result(answer.status()),
					checked ? WarekiDate.format(answer.answer().checkedOn()) : "",
					checked ? WarekiDate.format(answer.answer().targetDate()) : ""));
		}
		String note = row.round(lastRound).answer().note();
		return new ItemLine(row.item().label(), itemText(row.item()), scope, cells, note == null ? "" : note);
	}

	/** 項目番号 … 備考 as one header row: {@code 1回目 確認結果} etc. per round. */
	public List<String> columnHeaders() {
		List<String> headers = new ArrayList<>(List.of(FormWording.NUMBER, FormWording.ITEM, FormWording.SCOPE));
		for (int k = 1; k <= rounds; k++) {
			for (String column : roundColumnHeaders()) {
				headers.add(FormWording.round(k) + " " + column);
			}
		}
		headers.add(FormWording.NOTE);
		return headers;
	}

	/** 1回目, 2回目 … for a two-level header. */
	public List<String> roundHeaders() {
		List<String> headers = new ArrayList<>();
		for (int k = 1; k <= rounds; k++) {
			headers.add(FormWording.round(k));
		}
		return headers;
	}

	public List<String> roundColumnHeaders() {
		return List.of(FormWording.RESULT, FormWording.CHECKED_ON, FormWording.TARGET_DATE);
	}

	public String numberHeader() {
		return FormWording.NUMBER;
	}

	public String itemHeader() {
		return FormWording.ITEM;
	}

	public String scopeHeader() {
		return FormWording.SCOPE;
	}

	public String noteHeader() {
		return FormWording.NOTE;
	}

	public int columnCount() {
		return 4 + 3 * rounds;
	}

	public boolean hasInspectionNotice() {
		return !inspectionNotice.isEmpty();
	}

}
