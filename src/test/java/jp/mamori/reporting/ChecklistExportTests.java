package jp.mamori.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.assessment.StartNextRound;
import jp.mamori.assessment.SubmitRound;
import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official form read back: Excel cells with POI, PDF text with PDFBox. */
@IntegrationTest
class ChecklistExportTests {

	private static final AtomicInteger USERS = new AtomicInteger();

	private static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);

	private static final LocalDate JANUARY_31 = LocalDate.of(2026, 1, 31);

	@Autowired
	ChecklistExport export;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CreateAssessment createAssessment;

	@Autowired
	RecordAnswer recordAnswer;

	@Autowired
	SubmitRound submitRound;

	@Autowired
	StartNextRound startNextRound;

	@Autowired
	AuditTrail auditTrail;

	private Organization clinic() {
		return fixtures.clinicWith("export-" + USERS.incrementAndGet(), OrgRole.EDITOR);
	}

	private UUID assessment(Organization org, int fiscalYear, String version) {
		return createAssessment.create(org.id(), fiscalYear, version, "institution", null, "tester").id();
	}

	private void answer(Organization org, UUID id, int round, String item, String value, LocalDate checkedOn,
			LocalDate target, String note) {
		recordAnswer.record(org.id(), id, round, item, new AnswerCommand(value, checkedOn, target, note, null),
				"tester");
	}

	private ExportedWorkbook workbook(Organization org, UUID id, int round) {
		return ExportedWorkbook.read(export.export(org.id(), id, round, ExportFormat.XLSX, "tester"));
	}

	@Test
	void printsTheTitleBlockOfTheForm() {
		Organization org = clinic();
		ExportedWorkbook sheet = workbook(org, assessment(org, 2025, "R7"), 1);

		assertThat(sheet.sheetName()).isEqualTo("医療機関確認用");
		assertThat(sheet.sheetCount()).isEqualTo(1);
		List<String> titleBlock = sheet.rows()
			.subList(0, sheet.headerRow())
			.stream()
			.map(cells -> cells.isEmpty() ? "" : cells.get(0))
			.filter(text -> !text.isEmpty())
			.toList();
		assertThat(titleBlock).containsExactly("令和7年度版 医療機関におけるサイバーセキュリティ対策チェックリスト", "【医療機関確認用】",
				"立入検査時、本チェックリストを確認します", "医療機関名: " + org.name(), "対象年度: 令和7年度");
	}

	@Test
	void printsOnA4LandscapeOnePageWideWithTheHeaderRowOnEveryPage() throws IOException {
		Organization org = clinic();
		byte[] xlsx = export.export(org.id(), assessment(org, 2025, "R7"), 1, ExportFormat.XLSX, "tester");

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			int header = ExportedWorkbook.read(xlsx).headerRow();
			assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			assertThat(sheet.getFitToPage()).isTrue();
			assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
			assertThat(sheet.getRepeatingRows()).isEqualTo(new CellRangeAddress(header, header, -1, -1));
			Row headerRow = sheet.getRow(header);
			assertThat(headerRow.getCell(0).getCellStyle().getWrapText()).isTrue();
			assertThat(workbook.getFontAt(headerRow.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(headerRow.getCell(0).getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);
			assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0) * 3);
		}
	}

	@Test
	void leavesOutTheInspectionNoticeBeforeR6() {
		Organization org = clinic();
		ExportedWorkbook sheet = workbook(org, assessment(org, 2023, "R5"), 1);

		assertThat(sheet.cell(0, 0)).isEqualTo("令和5年度版 医療機関におけるサイバーセキュリティ対策チェックリスト");
		assertThat(sheet.rows()).noneMatch(cells -> cells.contains("立入検査時、本チェックリストを確認します"));
		assertThat(sheet.rows()).anyMatch(cells -> cells.contains("対象年度: 令和5年度"));
	}

	@Test
	void headsOneGroupOfColumnsPerRoundUpToTheExportedOne() {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");
		submitRound.submit(org.id(), id, 1, "tester");
		startNextRound.start(org.id(), id, "tester");

		assertThat(workbook(org, id, 1).header()).containsExactly("項目番号", "チェック項目", "対象", "1回目 確認結果", "1回目 確認日",
				"1回目 目標日", "備考");
		assertThat(workbook(org, id, 2).header()).containsExactly("項目番号", "チェック項目", "対象", "1回目 確認結果", "1回目 確認日",
				"1回目 目標日", "2回目 確認結果", "2回目 確認日", "2回目 目標日", "備考");
	}

	@Test
	void printsEveryR7ItemInPrintedOrderUnderItsHeadings() {
		Organization org = clinic();
		ExportedWorkbook sheet = workbook(org, assessment(org, 2025, "R7"), 1);

		List<List<String>> expected = List.of(List.of("医療情報システムの有無"), row("医療情報システムの有無", "医療情報システムを導入、運用している。", ""),
				List.of("1 体制構築"), row("1-①", "医療情報システム安全管理責任者を設置している。", ""), List.of("2 医療情報システムの管理・運用"),
				List.of("医療情報システム全般"), row("2-①", "サーバ、端末PC、ネットワーク機器の台帳管理を行っている。", "医療情報システム全般"),
				row("2-②", "リモートメンテナンス（保守）を利用している機器の有無を事業者に確認した。\n※事業者と契約していない場合には、記入不要", "医療情報システム全般"),
				row("2-③", "事業者から製造業者/サービス事業者による医療情報セキュリティ開示書（MDS/SDS）を提出してもらう。\n※事業者と契約していない場合には、記入不要", "医療情報システム全般"),
				List.of("サーバ・端末PC"), row("2-④", "利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。", "サーバ・端末PC"),
				row("2-⑤", "退職者や使用していないアカウント等、不要なアカウントを削除している。", "サーバ・端末PC"), List.of("医療情報システム全般"),
				row("2-⑥", "セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。", "医療情報システム全般"),
				row("2-⑦", "パスワードは英数字、記号が混在した8文字以上とし、定期的に変更している。※二要素認証、または13文字以上の場合は定期的な変更は不要", "医療情報システム全般"),
				row("2-⑧", "パスワードの使い回しを禁止している。", "医療情報システム全般"),
				row("2-⑨", "USBストレージ等の外部記録媒体や情報機器に対して接続を制限している。", "医療情報システム全般"),
				row("2-⑩", "二要素認証を実装している。\n令和9年度までに対応（目標）", "医療情報システム全般"), List.of("サーバ"),
				row("2-⑪", "アクセスログを管理している。", "サーバ"), List.of("サーバ・端末PC"),
				row("2-⑫", "バックグラウンドで動作している不要なソフトウェア及びサービスを停止している。", "サーバ・端末PC"), List.of("ネットワーク機器"),
				row("2-⑬", "接続元制限を実施している。", "ネットワーク機器"), List.of("3 インシデント発生に備えた対応"),
				row("3-①", "インシデント発生時における組織内と外部関係機関（事業者、厚生労働省、警察等）への連絡体制図がある。", ""),
				row("3-②", "インシデント発生時に診療を継続するために必要な情報を検討し、データやシステムのバックアップの実施と復旧手順を確認している。", ""),
				row("3-③", "サイバー攻撃を想定した事業継続計画（BCP）を策定している。", ""), List.of("4 規程類の整備"),
				row("4-①", "上記1〜3のすべての項目について、具体的な実施方法を運用管理規程等に定めている。", ""));
		assertThat(printed(sheet)).containsExactlyElementsOf(expected);
		assertThat(sheet.table().stream().filter(cells -> cells.size() > 1)).hasSize(19);
	}

	@Test
	void printsR5RowsSplitByScopeUnderTheirScopeSubHeadingsWithReferenceMarks() {
		Organization org = clinic();
		ExportedWorkbook sheet = workbook(org, assessment(org, 2023, "R5"), 1);

		List<List<String>> section2 = new ArrayList<>();
		boolean inSection2 = false;
		for (List<String> line : printed(sheet)) {
			if (line.size() == 1 && line.get(0).matches("\\d .*")) {
				inSection2 = line.get(0).startsWith("2 ");
			}
			if (inSection2) {
				section2.add(line.size() == 1 ? line : List.of(line.get(0), line.get(2)));
			}
		}
		// as the paper form prints them: all サーバ rows, then 端末PC, then ネットワーク機器
		// (checklist.md §4)
		assertThat(section2).containsExactly(List.of("2 医療情報システムの管理・運用"), List.of("医療情報システム全般"),
				List.of("2-(1)", "医療情報システム全般"), List.of("2-(2)", "医療情報システム全般"), List.of("2-(3)", "医療情報システム全般"),
				List.of("サーバ"), List.of("2-(4)", "サーバ"), List.of("2-(5)", "サーバ"), List.of("2-(6)", "サーバ"),
				List.of("2-(7)", "サーバ"), List.of("2-(9)", "サーバ"), List.of("端末PC"), List.of("2-(4)", "端末PC"),
				List.of("2-(5)", "端末PC"), List.of("2-(7)", "端末PC"), List.of("2-(9)", "端末PC"), List.of("ネットワーク機器"),
				List.of("2-(7)", "ネットワーク機器"), List.of("2-(8)", "ネットワーク機器"));
		String patch = "セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。";
		assertThat(sheet.item("2-(7)", "サーバ").get(1)).isEqualTo(patch + "（参考）\nサーバは参考項目（令和6年度中に対応）");
		assertThat(sheet.item("2-(7)", "端末PC").get(1)).isEqualTo(patch + "\nサーバは参考項目（令和6年度中に対応）");
		assertThat(sheet.item("2-(7)", "ネットワーク機器").get(1)).isEqualTo(patch + "\nサーバは参考項目（令和6年度中に対応）");
		assertThat(sheet.item("3-(3)", "").get(1)).isEqualTo("サイバー攻撃を想定した事業継続計画（BCP）を策定している。（参考）\n参考項目（令和6年度中に対応）");
	}

	@Test
	void readsAnswersBackFromEveryRoundColumn() {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");
		answer(org, id, 1, "0-1", "yes", JUNE_1, null, null);
		answer(org, id, 1, "2-6", "no", JUNE_1, JANUARY_31, "更新予定");
		answer(org, id, 1, "1-1", "yes", LocalDate.of(2025, 6, 2), null, "院長が兼任");
		submitRound.submit(org.id(), id, 1, "tester");
		startNextRound.start(org.id(), id, "tester");
		answer(org, id, 2, "0-1", "yes", LocalDate.of(2025, 12, 1), null, null);
		answer(org, id, 2, "2-6", "yes", LocalDate.of(2025, 12, 1), null, "12月に適用済み");

		ExportedWorkbook sheet = workbook(org, id, 2);

		List<String> patch = sheet.item("2-⑥", "医療情報システム全般");
		assertThat(patch.get(sheet.column("1回目 確認結果"))).isEqualTo("いいえ");
		assertThat(patch.get(sheet.column("1回目 確認日"))).isEqualTo("令和7年6月1日");
		assertThat(patch.get(sheet.column("1回目 目標日"))).isEqualTo("令和8年1月31日");
		assertThat(patch.get(sheet.column("2回目 確認結果"))).isEqualTo("はい");
		assertThat(patch.get(sheet.column("2回目 確認日"))).isEqualTo("令和7年12月1日");
		assertThat(patch.get(sheet.column("2回目 目標日"))).isEmpty();
		assertThat(patch.get(sheet.column("備考"))).isEqualTo("12月に適用済み");

		// carried into round 2 but not checked again: the result stands, without a 確認日
		List<String> manager = sheet.item("1-①", "");
		assertThat(manager.get(sheet.column("1回目 確認結果"))).isEqualTo("はい");
		assertThat(manager.get(sheet.column("1回目 確認日"))).isEqualTo("令和7年6月2日");
		assertThat(manager.get(sheet.column("2回目 確認結果"))).isEqualTo("はい");
		assertThat(manager.get(sheet.column("2回目 確認日"))).isEmpty();
		assertThat(manager.get(sheet.column("備考"))).isEqualTo("院長が兼任");

		List<String> unanswered = sheet.item("2-⑬", "ネットワーク機器");
		assertThat(unanswered.subList(3, unanswered.size())).allMatch(String::isEmpty);
	}

	@Test
	void showsOnlyTheRoundsUpToTheExportedOne() {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");
		answer(org, id, 1, "2-6", "no", JUNE_1, JANUARY_31, "更新予定");
		submitRound.submit(org.id(), id, 1, "tester");
		startNextRound.start(org.id(), id, "tester");
		answer(org, id, 2, "2-6", "yes", LocalDate.of(2025, 12, 1), null, "12月に適用済み");

		ExportedWorkbook sheet = workbook(org, id, 1);

		assertThat(sheet.item("2-⑥", "医療情報システム全般")).containsExactly("2-⑥", "セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。",
				"医療情報システム全般", "いいえ", "令和7年6月1日", "令和8年1月31日", "更新予定");
	}

	@Test
	void marksEveryOtherItemNotNeededWhenTheGateIsNo() {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");
		answer(org, id, 1, "0-1", "no", JUNE_1, JANUARY_31, "紙カルテのみ");

		ExportedWorkbook sheet = workbook(org, id, 1);

		int result = sheet.column("1回目 確認結果");
		List<List<String>> items = sheet.table().stream().filter(cells -> cells.size() > 1).toList();
		assertThat(items.get(0).get(result)).isEqualTo("いいえ");
		assertThat(items.subList(1, items.size())).hasSize(18).allSatisfy(cells -> {
			assertThat(cells.get(result)).isEqualTo("確認不要");
			assertThat(cells.get(sheet.column("1回目 確認日"))).isEmpty();
		});
	}

	@Test
	void printsNotRequiredForVendorItemsWithoutAContract() {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");

		ExportedWorkbook sheet = workbook(org, id, 1);

		assertThat(sheet.item("2-②", "医療情報システム全般").get(sheet.column("1回目 確認結果"))).isEqualTo("記入不要");
		assertThat(sheet.item("2-③", "医療情報システム全般").get(sheet.column("1回目 確認結果"))).isEqualTo("記入不要");
	}

	@Test
	void rejectsARoundTheAssessmentDoesNotHave() {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");

		assertThatThrownBy(() -> export.export(org.id(), id, 2, ExportFormat.XLSX, "tester"))
			.isInstanceOf(BadInputException.class)
			.hasMessage("2回目の確認はありません（このチェックリストは1回目まであります）");
		assertThatThrownBy(() -> export.export(org.id(), id, 0, ExportFormat.PDF, "tester"))
			.isInstanceOf(BadInputException.class);
	}

	@Test
	void findsNoAssessmentOfAnotherOrganisation() {
		Organization org = clinic();
		Organization other = clinic();
		UUID id = assessment(org, 2025, "R7");

		assertThatThrownBy(() -> export.export(other.id(), id, 1, ExportFormat.XLSX, "tester"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void recordsEachExportInTheAuditTrail() {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");

		export.export(org.id(), id, 1, ExportFormat.PDF, "hanako");

		AuditEntry entry = auditTrail.entries(org.id(), 10)
			.stream()
			.filter(e -> e.action().equals("reporting.checklist.exported"))
			.findFirst()
			.orElseThrow();
		assertThat(entry.actor()).isEqualTo("hanako");
		assertThat(entry.target()).isEqualTo(id + " 1回目");
		assertThat(entry.detail()).contains("pdf");
	}

	@Test
	void namesTheFileAfterVersionFormYearAndRound() {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");

		assertThat(export.fileName(org.id(), id, 1, ExportFormat.XLSX))
			.isEqualTo("checklist-R7-institution-2025-round1.xlsx");
		assertThat(export.fileName(org.id(), id, 2, ExportFormat.PDF))
			.isEqualTo("checklist-R7-institution-2025-round2.pdf");
		assertThat(export.japaneseFileName(org.id(), id, 1, ExportFormat.PDF))
			.isEqualTo("チェックリスト_令和7年度_医療機関確認用_1回目_" + org.name() + ".pdf");
	}

	@Test
	void printsThePdfInTheRightUnicodeCharacters() throws IOException {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");
		answer(org, id, 1, "0-1", "yes", JUNE_1, null, null);
		answer(org, id, 1, "2-6", "no", JUNE_1, JANUARY_31, "更新予定");

		byte[] pdf = export.export(org.id(), id, 1, ExportFormat.PDF, "tester");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = withoutSpaces(new PDFTextStripper().getText(document));
			assertThat(text).contains(withoutSpaces("令和7年度版 医療機関におけるサイバーセキュリティ対策チェックリスト"), "【医療機関確認用】",
					"立入検査時、本チェックリストを確認します", withoutSpaces("医療機関名: " + org.name()), "対象年度:令和7年度", "1回目", "確認日", "目標日",
					"令和7年6月1日", "令和8年1月31日", "更新予定", "医療情報システム安全管理責任者を設置している。",
					"インシデント発生時に診療を継続するために必要な情報を検討し、データやシステムのバックアップの実施と復旧手順を確認している。", "2-⑬", "ネットワーク機器");
			// PDFBox 3.0.7 wrote 日 as the Kangxi radical U+2F47 (see STACK.md)
			assertThat(text).doesNotContain("\u2F47").doesNotContain("\u2F93");
		}
	}

	@Test
	void embedsEveryFontOfThePdf() throws IOException {
		Organization org = clinic();
		UUID id = assessment(org, 2025, "R7");

		byte[] pdf = export.export(org.id(), id, 1, ExportFormat.PDF, "tester");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
			assertThat(document.getPage(0).getMediaBox().getWidth())
				.isGreaterThan(document.getPage(0).getMediaBox().getHeight());
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("IPAexGothic");
			});
		}
	}

	private static List<String> row(String number, String text, String scope) {
		return List.of(number, text, scope);
	}

	/** Headings as one cell; item rows as 項目番号, チェック項目, 対象. */
	private static List<List<String>> printed(ExportedWorkbook sheet) {
		return sheet.table().stream().map(cells -> cells.size() == 1 ? cells : cells.subList(0, 3)).toList();
	}

	private static String withoutSpaces(String text) {
		return text.replaceAll("\\s", "");
	}

}
