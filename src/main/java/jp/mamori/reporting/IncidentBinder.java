package jp.mamori.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.mamori.continuity.ContactLedger;
import jp.mamori.continuity.ContinuityLedgers;
import jp.mamori.organization.Organizations;
import jp.mamori.reporting.internal.BinderPdf;
import jp.mamori.reporting.internal.BinderPrintRepository;
import jp.mamori.reporting.internal.LedgerPages;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.vendor.VendorLedgers;
import jp.mamori.vendorportal.VendorLink;
import jp.mamori.vendorportal.VendorLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.mamori.reporting.internal.BinderPdf.h;

/**
 * The incident binder: a printable PDF kept OUTSIDE the system (a ransomware attack takes
 * the system with it) — the first steps, the contact tree with phone numbers, recovery
 * order and procedures per system, where the offline backups are, the vendors' emergency
 * contacts and contract terms, and report forms for 厚生労働省, 警察 and 個人情報保護委員会. Every page
 * carries the generation date. Each print is remembered per organisation, so that a
 * change to the ledgers behind it afterwards asks for a reprint ({@link #status}).
 */
@Service
public class IncidentBinder {

	/** The ledgers printed in the binder; a change to any of them makes a print stale. */
	public static final List<String> SOURCES = List.of(ContactLedger.CONTACTS, ContinuityLedgers.RECOVERY_PROCEDURES,
			ContinuityLedgers.BACKUPS, VendorLedgers.VENDORS);

	/** The first steps, printed large on the first page. */
	public static final List<String> FIRST_STEPS = List.of("感染が疑われる端末の LAN ケーブルを抜く（無線 LAN は切る）",
			"電源は切らない（調査と復旧の手がかりが消えるため）", "操作しない（再起動・ファイルの削除・ウイルス対策ソフトの実行をせず、画面を写真に撮る）",
			"連絡体制に従ってすぐに連絡する（下の連絡先、夜間・休日の番号も）", "時刻・気づいたこと・行ったことをメモに残す", "脅迫文の連絡先には連絡せず、身代金を支払わない");

	/**
	 * When the binder was last printed and when the data behind it last changed.
	 *
	 * @param lastPrinted empty when never printed
	 * @param dataChanged empty when the ledgers are empty
	 */
	public record Status(Optional<Instant> lastPrinted, Optional<Instant> dataChanged) {

		public boolean neverPrinted() {
			return lastPrinted.isEmpty();
		}

		/** The ledgers changed after the last print: the paper copy is out of date. */
		public boolean changedSincePrint() {
			return lastPrinted.isPresent() && dataChanged.isPresent() && dataChanged.get().isAfter(lastPrinted.get());
		}

	}

	private final Organizations organizations;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final BinderPrintRepository prints;

	private final Clock clock;

	private final VendorLinks vendorLinks;

	IncidentBinder(Organizations organizations, Ledgers ledgers, LedgerStore store, BinderPrintRepository prints,
			Clock clock, VendorLinks vendorLinks) {
		this.vendorLinks = vendorLinks;
		this.organizations = organizations;
		this.ledgers = ledgers;
		this.store = store;
		this.prints = prints;
		this.clock = clock;
	}

	/** The binder as a PDF; records the print for {@link #status}. */
	@Transactional
	public byte[] print(OrgId org, String printedBy) {
		ZonedDateTime now = ZonedDateTime.now(clock);
		byte[] pdf = render(org, now);
		prints.recordPrint(org, now.toInstant(), printedBy);
		return pdf;
	}

	@Transactional(readOnly = true)
	public Status status(OrgId org) {
		Optional<Instant> changed = SOURCES.stream()
			.flatMap(id -> LedgerPages.all(store, ledgers.require(id), org).stream())
			.map(LedgerRow::updatedAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder());
		return new Status(prints.lastPrinted(org), changed);
	}

	/** {@code incident-binder.pdf}. */
	public static String fileName() {
		return "incident-binder.pdf";
	}

	/** {@code インシデント対応バインダー_○○診療所.pdf}. */
	public String japaneseFileName(OrgId org) {
		String name = "インシデント対応バインダー_" + organizations.require(org).name() + ".pdf";
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
	}

	private byte[] render(OrgId org, ZonedDateTime now) {
		String orgName = organizations.require(org).name();
		LedgerDefinition contacts = ledgers.require(ContactLedger.CONTACTS);
		LedgerDefinition recovery = ledgers.require(ContinuityLedgers.RECOVERY_PROCEDURES);
		LedgerDefinition backups = ledgers.require(ContinuityLedgers.BACKUPS);
		LedgerDefinition vendors = ledgers.require(VendorLedgers.VENDORS);
		List<LedgerRow> contactRows = LedgerPages.all(store, contacts, org)
			.stream()
			.sorted(Comparator.comparing((LedgerRow r) -> !ContactLedger.INTERNAL.contains(r.value("category")))
				.thenComparing(
						r -> r.value("escalationOrder") == null ? Long.MAX_VALUE : (Long) r.value("escalationOrder")))
			.toList();
		StringBuilder body = new StringBuilder();
		body.append("<h1>インシデント対応バインダー</h1>");
		body.append("<p>施設名: ").append(h(orgName)).append("</p>");
		body.append("<p class=\"muted\">")
			.append(h(EvidencePack.generated(now)))
			.append("。この冊子は紙で印刷し、システムの外（事務室の書庫など）に保管してください。台帳を変えたら印刷し直してください。</p>");
		body.append("<h2>最初にすること</h2><ol class=\"first-steps\">");
		FIRST_STEPS.forEach(s -> body.append("<li>").append(h(s)).append("</li>"));
		body.append("</ol>");

		body.append("<h2>連絡体制（連絡先と電話番号）</h2>");
		if (contactRows.isEmpty()) {
			body.append("<p>連絡先台帳が空です。院内の連絡網と外部機関を登録してください。厚生労働省（医政局 医療情報技術推進室）: ")
				.append(h(ContactLedger.MHLW_PHONE))
				.append("</p>");
		}
		else {
			EvidencePack.table(body, contacts, contactRows,
					List.of("category", "name", "organization", "role", "phone", "phoneAfterHours", "reportsTo"));
		}

		body.append("<h2 class=\"page-break\">復旧の順番と手順（システムごと）</h2>");
		List<LedgerRow> recoveryRows = LedgerPages.all(store, recovery, org)
			.stream()
			.sorted(Comparator
				.comparing((LedgerRow r) -> r.value("priority") == null ? Long.MAX_VALUE : (Long) r.value("priority")))
			.toList();
		empty(body, recoveryRows, "復旧手順台帳が空です。");
		for (LedgerRow row : recoveryRows) {
			body.append("<h3>")
				.append(h(format(recovery, row, "priority")))
				.append(". ")
				.append(h(row.value("system")))
				.append(h(details(format(recovery, row, "rtoHours"), format(recovery, row, "responsible"))))
				.append("</h3><ol>");
			Object steps = row.value("steps");
			if (steps instanceof List<?> list) {
				list.forEach(s -> body.append("<li>").append(h(s)).append("</li>"));
			}
			body.append("</ol><p class=\"muted\">手順書の保管場所: ")
				.append(h(format(recovery, row, "manualLocation")))
				.append("　最終見直し日: ")
				.append(h(format(recovery, row, "lastReviewedOn")))
				.append("</p>");
		}

		body.append("<h2>バックアップの保管場所</h2>");
		List<LedgerRow> backupRows = LedgerPages.all(store, backups, org);
		empty(body, backupRows, "バックアップ台帳が空です。");
		if (!backupRows.isEmpty()) {
			EvidencePack.table(body, backups, backupRows, List.of("system", "data", "method", "location", "generations",
					"lastSucceededOn", "lastRestoreTestOn"));
		}

		body.append("<h2>事業者の緊急連絡先と契約</h2>");
		List<LedgerRow> vendorRows = LedgerPages.all(store, vendors, org);
		empty(body, vendorRows, "事業者一覧が空です。");
		if (!vendorRows.isEmpty()) {
			EvidencePack.table(body, vendors, vendorRows, List.of("name", "contactPerson", "phone", "systems",
					"maintenanceContract", "contractFrom", "contractTo", "note"));
		}
		// the contract numbers and emergency contacts registered with the vendor links
		List<VendorLink> links = vendorLinks.ofClient(org);
		if (!links.isEmpty()) {
			body.append("<table><tr><th>事業者</th><th>契約番号</th><th>契約の対象のシステム</th><th>緊急連絡先</th></tr>");
			for (VendorLink link : links) {
				body.append("<tr><td>")
					.append(h(vendorLinks.name(link.vendor())))
					.append("</td><td>")
					.append(h(link.contractNumber()))
					.append("</td><td>")
					.append(h(link.systemsText()))
					.append("</td><td>")
					.append(h(link.emergencyContact() == null ? "" : link.emergencyContact()))
					.append("</td></tr>");
			}
			body.append("</table>");
		}

		reportForm(body, "厚生労働省への報告", "mhlw", contactRows, ContactLedger.MHLW_PHONE,
				List.of("報告日時", "医療機関名・所在地", "報告者（氏名・連絡先）", "発生（発見）日時", "事象の概要（画面の表示・脅迫文の有無）", "影響を受けたシステム・端末",
						"診療への影響", "患者情報の漏えいの有無・おそれ", "これまでに行った対応", "事業者・警察への連絡状況"));
		reportForm(body, "警察への相談・被害の届出", "police", contactRows, null, List.of("相談日時", "相談先（警察署・担当者）", "医療機関名・所在地",
				"報告者（氏名・連絡先）", "被害の発生（発見）日時", "被害の内容（暗号化・脅迫・不正送金など）", "脅迫文・攻撃者の連絡先（画面の写真）", "保全している証拠（端末・ログ）", "受理番号"));
		reportForm(body, "個人情報保護委員会への漏えい等報告（速報）", "ppc", contactRows, null,
				List.of("報告日", "事業者名・代表者", "概要", "漏えい等が発生し、又は発生したおそれがある個人データの項目", "本人の数", "原因", "二次被害又はそのおそれの有無及びその内容",
						"本人への対応の実施状況", "公表の実施状況", "再発防止のための措置", "その他参考となる事項"));
		return BinderPdf.render("インシデント対応バインダー " + orgName, EvidencePack.generated(now), body.toString());
	}

	private static void reportForm(StringBuilder body, String title, String category, List<LedgerRow> contacts,
			String fallbackPhone, List<String> fields) {
		body.append("<h2 class=\"page-break\">報告様式: ").append(h(title)).append("</h2>");
		List<LedgerRow> desks = contacts.stream().filter(r -> category.equals(r.value("category"))).toList();
		if (desks.isEmpty()) {
			body.append("<p>連絡先: ")
				.append(fallbackPhone == null ? "（連絡先台帳に登録してください）" : h(fallbackPhone))
				.append("</p>");
		}
		for (LedgerRow desk : desks) {
			body.append("<p>連絡先: ")
				.append(h(desk.value("organization")))
				.append(" ")
				.append(h(desk.value("name")))
				.append("　電話 ")
				.append(h(desk.value("phone")))
				.append(desk.value("phoneAfterHours") == null ? "" : "　夜間・休日 " + h(desk.value("phoneAfterHours")))
				.append("</p>");
		}
		body.append("<table>");
		fields.forEach(f -> body.append("<tr><th style=\"width: 35%\">")
			.append(h(f))
			.append("</th><td class=\"blank\"></td></tr>"));
		body.append("</table>");
	}

	// （目標 24 時間以内、担当 佐藤）, leaving out what the ledger does not say
	static String details(String rtoHours, String responsible) {
		List<String> parts = new java.util.ArrayList<>();
		if (!rtoHours.isBlank()) {
			parts.add("目標 " + rtoHours + " 時間以内");
		}
		if (!responsible.isBlank()) {
			parts.add("担当 " + responsible);
		}
		return parts.isEmpty() ? "" : "（" + String.join("、", parts) + "）";
	}

	private static void empty(StringBuilder body, List<LedgerRow> rows, String message) {
		if (rows.isEmpty()) {
			body.append("<p>").append(h(message)).append("</p>");
		}
	}

	private static String format(LedgerDefinition ledger, LedgerRow row, String key) {
		return ledger.columns()
			.stream()
			.filter(c -> c.key().equals(key))
			.findFirst()
			.map(c -> LedgerValues.format(c, row.value(key)))
			.orElse("");
	}

}
