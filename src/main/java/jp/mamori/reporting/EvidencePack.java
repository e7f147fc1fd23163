package jp.mamori.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.mamori.accesslog.AccessLogLedgers;
import jp.mamori.account.AccountLedgers;
import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.assessment.ItemStatus;
import jp.mamori.continuity.ContactChart;
import jp.mamori.continuity.ContactLedger;
import jp.mamori.continuity.ContinuityLedgers;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.Organizations;
import jp.mamori.policy.PolicyLedgers;
import jp.mamori.reporting.internal.BinderPdf;
import jp.mamori.reporting.internal.LedgerPages;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.WarekiDate;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerFileWriter;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.vendor.VendorLedgers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.mamori.reporting.internal.BinderPdf.h;

/**
 * The 立入検査 evidence pack of an organisation and 年度: one ZIP with the filled official
 * forms of that year's assessments (Excel and PDF), the vendor and MDS/SDS lists, ledger
 * extracts (機器台帳, システムアカウント, ログリスト, バックアップ), the 連絡体制図, a BCP summary and the current
 * 運用管理規程 entry, plus {@code binder.pdf}: an index from each checklist item to its
 * evidence files and a short summary of each part.
 *
 * <p>
 * The ZIP is streamed to the caller's stream; each part is rendered, written and dropped
 * before the next, so at most one part is held in memory. Entry names are Japanese
 * (java.util.zip marks UTF-8 names with the language-encoding flag).
 */
@Service
public class EvidencePack {

	/** Name of the index PDF at the root of the ZIP. */
	public static final String BINDER = "binder.pdf";

	/** A file of the pack: its path, what it is, and the checklist items it evidences. */
	public record Part(String path, String summary, List<String> items) {

		public Part {
			items = List.copyOf(items);
		}

	}

	private static final List<LedgerExtract> EXTRACTS = List.of(
			new LedgerExtract(VendorLedgers.VENDORS, "02_事業者/事業者一覧.xlsx"),
			new LedgerExtract(VendorLedgers.MDS_SDS, "02_事業者/MDS・SDS開示書一覧.xlsx"),
			new LedgerExtract(InventoryLedgers.DEVICES, "03_台帳/機器台帳.xlsx"),
			new LedgerExtract(AccountLedgers.ACCOUNTS, "03_台帳/システムアカウント.xlsx"),
			new LedgerExtract(AccessLogLedgers.LOG_SOURCES, "03_台帳/ログリスト.xlsx"),
			new LedgerExtract(ContinuityLedgers.BACKUPS, "03_台帳/バックアップ.xlsx"));

	private record LedgerExtract(String ledgerId, String path) {
	}

	private final AssessmentQueries assessments;

	private final ChecklistExport checklistExport;

	private final Organizations organizations;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final ContactChart contactChart;

	private final Clock clock;

	EvidencePack(AssessmentQueries assessments, ChecklistExport checklistExport, Organizations organizations,
			Ledgers ledgers, LedgerStore store, ContactChart contactChart, Clock clock) {
		this.assessments = assessments;
		this.checklistExport = checklistExport;
		this.organizations = organizations;
		this.ledgers = ledgers;
		this.store = store;
		this.contactChart = contactChart;
		this.clock = clock;
	}

	/**
	 * Checks that the organisation has an assessment of the 年度, before anything is
	 * streamed (an HTTP response or a file cannot be taken back once started).
	 * @throws BadInputException when the organisation has none
	 */
	@Transactional(readOnly = true)
	public void requireAssessments(OrgId org, int fiscalYear) {
		if (assessmentsOf(org, FiscalYear.of(fiscalYear)).isEmpty()) {
			throw new BadInputException(
					FiscalYear.of(fiscalYear).japaneseLabel() + "のチェックリストがありません: " + organizations.require(org).name());
		}
	}

	/**
	 * Writes the ZIP to {@code out} (not closed) and returns the parts written, binder
	 * last. Deliberately not one transaction: the ZIP may take a while to stream, and
	 * each form export commits its own audit record at once instead of holding the audit
	 * chain's lock until the download ends.
	 * @throws BadInputException when the organisation has no assessment of the 年度
	 */
	public List<Part> write(OrgId org, int fiscalYear, OutputStream out, String requestedBy) {
		FiscalYear year = FiscalYear.of(fiscalYear);
		String orgName = organizations.require(org).name();
		List<Assessment> ofYear = assessmentsOf(org, year);
		if (ofYear.isEmpty()) {
			throw new BadInputException(year.japaneseLabel() + "のチェックリストがありません: " + orgName);
		}
		ZonedDateTime now = ZonedDateTime.now(clock);
		List<Part> parts = new ArrayList<>();
		try {
			ZipOutputStream zip = new ZipOutputStream(nonClosing(out), StandardCharsets.UTF_8);
			for (Assessment assessment : ofYear) {
				AssessmentView view = assessments.view(org, assessment.id());
				int round = view.rounds().size();
				if (round == 0) {
					continue;
				}
				for (ExportFormat format : ExportFormat.values()) {
					String name = "01_チェックリスト/" + checklistExport.japaneseFileName(org, assessment.id(), round, format);
					entry(zip, name, checklistExport.export(org, assessment.id(), round, format, requestedBy));
					parts.add(new Part(name, view.version().era() + " " + assessment.formLabel() + "（" + round
							+ "回目まで記入、" + format.code() + "）", List.of()));
				}
			}
			for (LedgerExtract extract : EXTRACTS) {
				LedgerDefinition ledger = ledgers.require(extract.ledgerId());
				List<LedgerRow> rows = LedgerPages.all(store, ledger, org);
				entry(zip, extract.path(), LedgerFileWriter.xlsx(ledger, rows));
				parts.add(new Part(extract.path(), ledger.title() + "（" + rows.size() + " 件）", ledger.serves()));
			}
			LedgerDefinition contacts = ledgers.require(ContactLedger.CONTACTS);
			String chart = "04_連絡体制/連絡体制図.svg";
			entry(zip, chart, contactChart.svg(org, orgName).getBytes(StandardCharsets.UTF_8));
			parts.add(new Part(chart, "インシデント発生時の連絡体制図（連絡先 " + contactChart.count(org) + " 件から作図）", contacts.serves()));
			parts.add(bcpSummary(zip, org, orgName, now));
			parts.add(operatingRules(zip, org, orgName, now));
			byte[] binder = binder(orgName, year, ofYear, parts, now, org);
			entry(zip, BINDER, binder);
			parts.add(new Part(BINDER, "索引（チェックリスト項目と証跡ファイルの対応）と各資料の要約", List.of()));
			zip.finish();
			return parts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code evidence-pack-2025.zip}. */
	public static String fileName(int fiscalYear) {
		return "evidence-pack-" + fiscalYear + ".zip";
	}

	/** {@code 立入検査資料_令和7年度_○○診療所.zip}. */
	public String japaneseFileName(OrgId org, int fiscalYear) {
		String name = String.join("_", "立入検査資料", FiscalYear.of(fiscalYear).japaneseLabel(),
				organizations.require(org).name()) + ".zip";
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
	}

	private List<Assessment> assessmentsOf(OrgId org, FiscalYear year) {
		return assessments.list(org)
			.stream()
			.filter(a -> a.fiscalYear().equals(year))
			.sorted(Comparator.comparing(Assessment::versionId)
				.thenComparing(a -> a.form().code())
				.thenComparing(Assessment::subject))
			.toList();
	}

	private Part bcpSummary(ZipOutputStream zip, OrgId org, String orgName, ZonedDateTime now) throws IOException {
		LedgerDefinition bcp = ledgers.require(ContinuityLedgers.BCP_POINTS);
		List<LedgerRow> rows = LedgerPages.all(store, bcp, org);
		StringBuilder body = new StringBuilder();
		body.append("<h1>BCP（サイバー攻撃）の要約</h1><p>").append(h(orgName)).append("</p>");
		long done = rows.stream().filter(r -> "done".equals(r.value("status"))).count();
		body.append("<p>確認する点 ").append(rows.size()).append(" 件のうち、済 ").append(done).append(" 件。</p>");
		for (Map.Entry<String, String> phase : ContinuityLedgers.BCP_PHASES.entrySet()) {
			List<LedgerRow> ofPhase = rows.stream().filter(r -> phase.getKey().equals(r.value("phase"))).toList();
			body.append("<h2>").append(h(phase.getValue())).append("</h2>");
			if (ofPhase.isEmpty()) {
				body.append("<p class=\"muted\">登録がありません</p>");
				continue;
			}
			table(body, bcp, ofPhase, List.of("point", "status", "owner", "dueOn", "lastDrillOn"));
		}
		String path = "05_BCP/BCP要約.pdf";
		entry(zip, path, BinderPdf.render("BCP（サイバー攻撃）の要約", generated(now), body.toString()));
		return new Part(path, "BCP（サイバー攻撃）の確認する点 " + rows.size() + " 件（済 " + done + " 件）を段階ごとに要約", bcp.serves());
	}

	private Part operatingRules(ZipOutputStream zip, OrgId org, String orgName, ZonedDateTime now) throws IOException {
		LedgerDefinition documents = ledgers.require(PolicyLedgers.DOCUMENTS);
		// the current entry: the 運用管理規程 approved last, as the 1-① check reads it
		LedgerRow current = LedgerPages.all(store, documents, org)
			.stream()
			.filter(r -> "operating_rules".equals(r.value("kind")))
			.max(Comparator.comparing((LedgerRow r) -> r.value("approvedOn") == null ? java.time.LocalDate.MIN
					: (java.time.LocalDate) r.value("approvedOn")))
			.orElse(null);
		StringBuilder body = new StringBuilder("<h1>運用管理規程（現行）</h1><p>").append(h(orgName)).append("</p>");
		String summary;
		if (current == null) {
			body.append("<p>規程・文書台帳に運用管理規程が登録されていません。</p>");
			summary = "運用管理規程は登録されていません";
		}
		else {
			body.append("<table>");
			for (LedgerColumn column : documents.columns()) {
				body.append("<tr><th>")
					.append(h(column.header()))
					.append("</th><td>")
					.append(h(LedgerValues.format(column, current.value(column.key()))))
					.append("</td></tr>");
			}
			body.append("</table>");
			summary = "運用管理規程「" + current.value("title") + "」の台帳記載（承認日 " + LedgerValues.format(
					documents.columns().stream().filter(c -> c.key().equals("approvedOn")).findFirst().orElseThrow(),
					current.value("approvedOn")) + "）";
		}
		String path = "06_規程/運用管理規程.pdf";
		entry(zip, path, BinderPdf.render("運用管理規程（現行）", generated(now), body.toString()));
		return new Part(path, summary, documents.serves());
	}

	private byte[] binder(String orgName, FiscalYear year, List<Assessment> ofYear, List<Part> parts, ZonedDateTime now,
			OrgId org) {
		StringBuilder body = new StringBuilder();
		body.append("<h1>立入検査資料 ").append(h(year.japaneseLabel())).append("</h1>");
		body.append("<p>施設名: ").append(h(orgName)).append("</p>");
		body.append("<p>作成日: ").append(h(WarekiDate.format(now.toLocalDate()))).append("</p>");
		body.append("<h2>資料の一覧と要約</h2><table><tr><th>ファイル</th><th>内容</th><th>対応する項目</th></tr>");
		for (Part part : parts) {
			body.append("<tr><td>")
				.append(h(part.path()))
				.append("</td><td>")
				.append(h(part.summary()))
				.append("</td><td>")
				.append(h(String.join("、", part.items())))
				.append("</td></tr>");
		}
		body.append("</table>");
		for (Assessment assessment : ofYear) {
			AssessmentView view = assessments.view(org, assessment.id());
			int round = view.rounds().size();
			if (round == 0) {
				continue;
			}
			List<String> forms = parts.stream()
				.map(Part::path)
				.filter(p -> p.startsWith("01_") && p.contains(assessment.formLabel() + "_"))
				.toList();
			body.append("<h2 class=\"page-break\">索引: ")
				.append(h(view.version().era() + " " + view.form().title()
						+ (assessment.subject().isEmpty() ? "" : "（" + assessment.subject() + "）")))
				.append("</h2><p class=\"muted\">記入済みの様式: ")
				.append(h(String.join("、", forms)))
				.append("</p>");
			body.append("<table><tr><th style=\"width: 13%\">項目</th><th>内容</th><th style=\"width: 11%\">")
				.append(round)
				.append("回目</th><th style=\"width: 30%\">証跡ファイル</th></tr>");
			for (AssessmentView.Row row : view.rows()) {
				String label = row.item().label();
				List<String> files = parts.stream().filter(p -> p.items().contains(label)).map(Part::path).toList();
				String text = row.item().text() == null ? "" : row.item().text();
				body.append("<tr><td>")
					.append(h(label))
					.append("</td><td>")
					.append(h(text.length() > 80 ? text.substring(0, 79) + "…" : text))
					.append("</td><td>")
					.append(h(statusLabel(row.round(round).status())))
					.append("</td><td>")
					.append(files.isEmpty() ? "—" : h(String.join("\n", files)).replace("\n", "<br/>"))
					.append("</td></tr>");
			}
			body.append("</table>");
		}
		return BinderPdf.render("立入検査資料 " + orgName, generated(now), body.toString());
	}

	static String statusLabel(ItemStatus status) {
		return switch (status) {
			case YES -> "はい";
			case NO -> "いいえ";
			case NOT_REQUIRED -> "記入不要";
			case NOT_NEEDED -> "確認不要";
			case UNANSWERED -> "未回答";
		};
	}

	static void table(StringBuilder body, LedgerDefinition ledger, List<LedgerRow> rows, List<String> keys) {
		List<LedgerColumn> columns = keys.stream()
			.map(k -> ledger.columns().stream().filter(c -> c.key().equals(k)).findFirst().orElseThrow())
			.toList();
		body.append("<table><tr>");
		columns.forEach(c -> body.append("<th>").append(h(c.header())).append("</th>"));
		body.append("</tr>");
		for (LedgerRow row : rows) {
			body.append("<tr>");
			columns.forEach(c -> body.append("<td>")
				.append(h(LedgerValues.format(c, row.value(c.key()))).replace("\n", "<br/>"))
				.append("</td>"));
			body.append("</tr>");
		}
		body.append("</table>");
	}

	/** 作成日時 令和7年6月15日 10:00, printed on every page. */
	public static String generated(ZonedDateTime now) {
		return "作成日時 " + generatedAt(now);
	}

	/** 令和7年6月15日 10:00. */
	public static String generatedAt(ZonedDateTime at) {
		LocalDateTime local = at.toLocalDateTime();
		return WarekiDate.format(local.toLocalDate()) + " "
				+ String.format("%02d:%02d", local.getHour(), local.getMinute());
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	// the caller owns the stream (a servlet response or a file): finishing the ZIP must
	// not close it
	private static OutputStream nonClosing(OutputStream out) {
		return new java.io.FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
	}

}
