package jp.mamori.vendor;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import jp.mamori.shared.ledger.Choices;
import jp.mamori.shared.ledger.LedgerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static jp.mamori.shared.ledger.LedgerColumn.bool;
import static jp.mamori.shared.ledger.LedgerColumn.choice;
import static jp.mamori.shared.ledger.LedgerColumn.date;
import static jp.mamori.shared.ledger.LedgerColumn.list;
import static jp.mamori.shared.ledger.LedgerColumn.text;

/** The vendor ledgers: vendors and their contracts, MDS/SDS documents. */
@Configuration(proxyBeanMethods = false)
public class VendorLedgers {

	public static final String VENDORS = "vendors";

	public static final String MDS_SDS = "mds-sds";

	public static final Map<String, String> DOCUMENT_KINDS = Choices.of("mds", "MDS", "sds", "SDS");

	public static final Map<String, String> FORM_STATUSES = Choices.of("not_requested", "未依頼", "requested", "依頼中",
			"returned", "回収済");

	@Bean
	LedgerDefinition vendorsLedger() {
		return new LedgerDefinition(VENDORS, "vendor_vendor", "事業者一覧", "Vendors", List.of("2-②", "2-③"),
				"システムの導入や保守をお願いしている事業者を1社1行で記録します。担当窓口、受け持つシステム、保守契約やリモート保守の有無が分かれば、"
						+ "リモート保守の確認（2-②）や MDS/SDS の依頼（2-③）を漏れなく進められます。",
				"One row per vendor that supplies or maintains a system: contact, systems served, maintenance and "
						+ "remote-maintenance contracts — the list to work through for 2-② and to request MDS/SDS from (2-③).",
				List.of(text("name", "事業者名", "Vendor name").required()
					.max(200)
					.aliases("事業者", "会社名", "業者名", "ベンダー", "ベンダー名", "取引先", "vendor", "company")
					.example("○○メディカル株式会社")
					.build(),
						text("contactPerson", "担当者", "Contact person").aliases("担当者名", "窓口", "営業担当", "保守担当", "contact")
							.example("山田 一郎")
							.build(),
						text("phone", "電話番号", "Phone").max(100)
							.aliases("電話", "TEL", "連絡先電話番号", "保守窓口電話", "phone number")
							.example("03-1234-5678")
							.build(),
						text("email", "メールアドレス", "Email").max(200)
							.aliases("メール", "E-mail", "mail", "email address")
							.example("support@example.co.jp")
							.build(),
						list("systems", "担当システム", "Systems served").max(1000)
							.aliases("対象システム", "システム", "システム名", "保守対象", "systems")
							.example("電子カルテ、レセコン")
							.build(),
						bool("maintenanceContract", "保守契約", "Maintenance contract")
							.aliases("保守契約の有無", "保守", "maintenance")
							.example("はい")
							.build(),
						bool("remoteMaintenance", "リモート保守", "Remote maintenance")
							.aliases("リモートメンテナンス", "リモート保守の有無", "遠隔保守", "remote")
							.example("はい")
							.build(),
						date("contractFrom", "契約開始日", "Contract from").aliases("契約開始", "契約日", "contract start")
							.example("2024-04-01")
							.build(),
						date("contractTo", "契約終了日", "Contract to").aliases("契約終了", "契約期限", "契約満了日", "contract end")
							.example("2027-03-31")
							.build(),
						text("note", "備考", "Note").max(2000)
							.aliases("メモ", "remarks")
							.example("夜間・休日は保守センターへ電話")
							.build()),
				"name", 40);
	}

	@Bean
	LedgerDefinition mdsSdsLedger() {
		return new LedgerDefinition(MDS_SDS, "vendor_mds_sds", "MDS・SDS 開示書", "MDS/SDS disclosures", List.of("2-③"),
				"事業者から受け取った MDS/SDS（医療情報セキュリティ開示書）を、版・受領日・確認した人と確認結果とともに記録します。"
						+ "事業者確認用チェックリストの依頼と回収の状況もここで管理すると、立入検査で提出を求められたときに慌てずに済みます。",
				"The MDS/SDS security disclosures received from vendors, with version, dates, reviewer and findings, and "
						+ "the status of each request for the vendor's checklist (事業者確認用).",
				List.of(text("vendor", "事業者", "Vendor").required()
					.max(200)
					.aliases("事業者名", "ベンダー", "提出元", "vendor name")
					.example("○○メディカル株式会社")
					.build(),
						text("system", "対象システム・サービス", "System / service").aliases("システム", "サービス", "製品", "製品名", "対象システム")
							.example("電子カルテ ○○EMR")
							.build(),
						choice("kind", "文書の種類", "Document kind", DOCUMENT_KINDS)
							.aliases("種類", "種別", "区分", "document type")
							.example("SDS")
							.build(),
						text("documentVersion", "版", "Version").max(100)
							.aliases("バージョン", "様式の版", "version", "Ver")
							.example("JAHIS Ver.5.0")
							.build(),
						date("receivedOn", "受領日", "Received on").aliases("受領", "提出日", "入手日", "received")
							.example("2025-05-01")
							.build(),
						date("reviewedOn", "確認日", "Reviewed on").aliases("内容確認日", "レビュー日", "reviewed")
							.example("2025-05-15")
							.build(),
						text("reviewer", "確認者", "Reviewer").max(100)
							.aliases("レビュー者", "確認担当", "担当者")
							.example("佐藤 花子")
							.build(),
						text("findings", "確認結果・指摘事項", "Findings").max(2000)
							.aliases("確認結果", "指摘事項", "所見", "課題")
							.example("二要素認証は次回の更新で対応予定")
							.build(),
						date("formRequestedOn", "事業者確認用の依頼日", "Vendor checklist requested on")
							.aliases("依頼日", "事業者確認用依頼日", "requested")
							.example("2025-06-01")
							.build(),
						date("formReturnedOn", "事業者確認用の回収日", "Vendor checklist returned on")
							.aliases("回収日", "返送日", "事業者確認用回収日", "returned")
							.example("2025-06-20")
							.build(),
						choice("formStatus", "事業者確認用の状況", "Vendor checklist status", FORM_STATUSES)
							.aliases("状況", "依頼状況", "回収状況", "ステータス", "status")
							.example("回収済")
							.build()),
				"vendor", 50);
	}

}
