package jp.mamori.continuity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.mamori.shared.ledger.Choices;
import jp.mamori.shared.ledger.LedgerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static jp.mamori.shared.ledger.LedgerColumn.choice;
import static jp.mamori.shared.ledger.LedgerColumn.integer;
import static jp.mamori.shared.ledger.LedgerColumn.text;

/**
 * 連絡先台帳: who is told what when an incident happens — the internal chain from the person
 * who notices to the director, and the outside bodies (vendor, 厚生労働省, 警察, 都道府県, MIST,
 * 個人情報保護委員会). The 連絡体制図 of checklist item 3-① is drawn from it by {@link ContactChart}.
 */
@Configuration(proxyBeanMethods = false)
public class ContactLedger {

	/** Ledger id: URL segment and REST name ({@code /api/v1/orgs/{org}/contacts}). */
	public static final String CONTACTS = "contacts";

	/** Category codes → Japanese labels, internal roles first. */
	public static final Map<String, String> CATEGORIES = Choices.of("first_finder", "発見者・職員", "department", "部署責任者",
			"it", "システム担当", "security_manager", "医療情報システム安全管理責任者", "director", "院長・管理者", "vendor", "事業者", "mhlw",
			"厚生労働省", "police", "警察", "prefecture", "都道府県・保健所", "mist", "医療機関向けセキュリティ相談窓口", "ppc", "個人情報保護委員会", "other",
			"その他");

	/**
	 * The categories inside the organisation; everything else is an outside body drawn in
	 * the right-hand band of the chart.
	 */
	public static final Set<String> INTERNAL = Set.of("first_finder", "department", "it", "security_manager",
			"director");

	/**
	 * 厚生労働省 医政局 医療情報技術推進室 — the number MHLW publishes for medical institutions hit by a
	 * cyber attack (example row of the template).
	 */
	public static final String MHLW_PHONE = "03-3595-2430";

	@Bean
	LedgerDefinition contactsLedger() {
		return new LedgerDefinition(CONTACTS, "continuity_contact", "連絡先（連絡体制）", "Incident contacts", List.of("3-①"),
				"インシデントが起きたとき、誰が誰に知らせるかを1人（1窓口）1行で記録します。「報告先」に上位者の氏名を書くと、"
						+ "発見者から院長までの流れと、事業者・厚生労働省・警察・都道府県・個人情報保護委員会などへの連絡がそのまま"
						+ "連絡体制図になります。夜間・休日の番号も残し、年に一度は番号が今も正しいか確かめてください。" + "厚生労働省（医政局 医療情報技術推進室）の番号は " + MHLW_PHONE
						+ " です。警察は都道府県警察のサイバー犯罪相談窓口か所轄の警察署、" + "個人情報保護委員会は同委員会の漏えい等報告の案内を確かめ、番号を自分で記入してください。",
				"One row per person or desk to contact in an incident. Put the name of the person each one reports to "
						+ "in \"Reports to\": the chain from whoever notices up to the director, and the calls to the vendor, "
						+ "MHLW, police, prefecture and the Personal Information Protection Commission, become the contact "
						+ "chart. Keep out-of-hours numbers and check them once a year. MHLW's desk (医療情報技術推進室) is "
						+ MHLW_PHONE + "; look up and enter the police cybercrime desk and the PPC yourself.",
				List.of(text("name", "氏名・窓口名", "Name or desk").required()
					.max(200)
					.aliases("氏名", "名前", "窓口", "担当者", "連絡先名", "contact", "name")
					.example("医政局 医療情報技術推進室")
					.build(),
						text("organization", "所属・機関名", "Organisation").max(200)
							.aliases("所属", "機関", "機関名", "会社名", "部署", "organisation", "company")
							.example("厚生労働省")
							.build(),
						choice("category", "区分", "Category", CATEGORIES).required()
							.aliases("種別", "分類", "連絡先区分", "type", "kind")
							.example("厚生労働省")
							.build(),
						text("role", "役割", "Role").max(200)
							.aliases("役職", "担当", "職務", "position")
							.example("医療機関のサイバー攻撃被害の報告・相談")
							.build(),
						text("phone", "電話番号", "Phone").max(50)
							.aliases("電話", "TEL", "代表電話", "phone number", "telephone")
							.example(MHLW_PHONE)
							.build(),
						text("phoneAfterHours", "夜間・休日の電話", "Phone after hours").max(50)
							.aliases("夜間・休日", "夜間", "休日", "時間外", "緊急連絡先", "携帯", "after hours", "emergency phone")
							.build(),
						text("email", "メールアドレス", "Email").max(200).aliases("メール", "e-mail", "mail").build(),
						text("reportsTo", "報告先", "Reports to").max(200)
							.aliases("報告先の氏名", "上位者", "連絡する人", "report to", "escalates to")
							.example("安全管理 花子")
							.build(),
						integer("escalationOrder", "連絡順", "Escalation order")
							.aliases("順番", "順位", "優先順位", "連絡の順番", "order", "priority")
							.example("1")
							.build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "remarks", "notes").build()),
				"name", 35);
	}

}
