package jp.mamori.policy;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import jp.mamori.shared.ledger.Choices;
import jp.mamori.shared.ledger.LedgerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static jp.mamori.shared.ledger.LedgerColumn.choice;
import static jp.mamori.shared.ledger.LedgerColumn.date;
import static jp.mamori.shared.ledger.LedgerColumn.integer;
import static jp.mamori.shared.ledger.LedgerColumn.list;
import static jp.mamori.shared.ledger.LedgerColumn.text;

/**
 * The policy ledgers: the security manager's designation, rules and other documents,
 * training records.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyLedgers {

	public static final String SECURITY_MANAGER = "security-manager";

	public static final String DOCUMENTS = "documents";

	public static final String TRAINING = "training";

	public static final Map<String, String> DOCUMENT_KINDS = Choices.of("operating_rules", "運用管理規程", "security_policy",
			"情報セキュリティ方針", "procedure", "手順書", "other", "その他");

	@Bean
	LedgerDefinition securityManagerLedger() {
		return new LedgerDefinition(SECURITY_MANAGER, "policy_security_manager", "安全管理責任者", "Security manager",
				List.of("1-①"),
				"医療情報システム安全管理責任者（経営層の方が望ましいとされています）に指名した人と、いつ、誰が、どの会議で承認したかを記録します。" + "交代したときは行を追加すると、これまでの経緯も残せます。",
				"Who was designated 医療情報システム安全管理責任者, since when, and who approved it at which meeting; add "
						+ "a row when it changes so the history stays.",
				List.of(text("person", "氏名", "Person").required()
					.max(100)
					.aliases("安全管理責任者", "責任者", "責任者名", "名前", "name")
					.example("鈴木 一郎")
					.build(),
						text("position", "役職", "Position").max(200)
							.aliases("職名", "職位", "所属・役職", "肩書")
							.example("副院長")
							.build(),
						date("appointedOn", "指名日", "Appointed on").aliases("任命日", "選任日", "就任日", "appointed")
							.example("2024-04-01")
							.build(),
						text("approvedBy", "承認者", "Approved by").max(200)
							.aliases("任命者", "決裁者", "approver")
							.example("院長 田中 誠")
							.build(),
						text("approvalMeeting", "承認した会議", "Approved at (meeting)")
							.aliases("会議", "会議名", "承認会議", "承認の場", "meeting")
							.example("令和6年3月 運営会議")
							.build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "remarks").example("企画管理者を兼ねる").build()),
				"person", 140);
	}

	@Bean
	LedgerDefinition documentsLedger() {
		return new LedgerDefinition(DOCUMENTS, "policy_document", "規程・文書", "Rules and documents", List.of("1-①", "4-①"),
				"運用管理規程や情報セキュリティ方針、手順書などを1文書1行で、版・承認日・承認者・次に見直す日とともに記録します。"
						+ "どのチェックリスト項目の実施方法を定めているかを書いておくと、1〜3のすべての項目が規程に定められているか（4-①）を確かめられます。",
				"運用管理規程, security policy, procedures: one row per document with version, approval, next review and "
						+ "the checklist items it covers — to show every item of sections 1–3 is written down (4-①).",
				List.of(text("title", "文書名", "Title").required()
					.max(200)
					.aliases("名称", "規程名", "文書", "タイトル", "document")
					.example("医療情報システム運用管理規程")
					.build(),
						choice("kind", "種類", "Kind", DOCUMENT_KINDS).aliases("種別", "区分", "文書の種類", "type")
							.example("運用管理規程")
							.build(),
						text("documentVersion", "版", "Version").max(100)
							.aliases("バージョン", "版数", "改訂版", "version", "rev")
							.example("第2版")
							.build(),
						date("approvedOn", "承認日", "Approved on").aliases("制定日", "改訂日", "施行日", "approved")
							.example("2025-04-01")
							.build(),
						text("approvedBy", "承認者", "Approved by").max(200)
							.aliases("決裁者", "制定者", "approver")
							.example("院長")
							.build(),
						date("nextReviewOn", "次回見直し日", "Next review on")
							.aliases("次回見直し", "見直し予定日", "見直し期限", "next review")
							.example("2026-03-31")
							.build(),
						list("coversItems", "対応するチェックリスト項目", "Checklist items covered").max(1000)
							.aliases("対応項目", "チェックリスト項目", "項目", "covers")
							.example("1-①、2-⑦、2-⑧、3-②")
							.build(),
						text("location", "保管場所・ファイル名", "Location / file name")
							.aliases("保管場所", "ファイル名", "ファイル", "保存先", "file", "location")
							.example("共有フォルダ 規程集 運用管理規程_第2版.pdf")
							.build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "remarks").example("二要素認証の章を追加").build()),
				"title", 150);
	}

	@Bean
	LedgerDefinition trainingLedger() {
		return new LedgerDefinition(TRAINING, "policy_training", "研修記録", "Training records", List.of("1-①"),
				"職員向けに行った情報セキュリティの研修を1回1行で、日付・テーマ・対象・参加人数・内容とともに記録します。" + "研修の企画は安全管理責任者の役割の一つとされており、実施の記録がその根拠になります。",
				"One row per security training session: date, title, audience, attendance, content and materials — "
						+ "evidence of the training the security manager is responsible for.",
				List.of(date("heldOn", "実施日", "Held on").required()
					.aliases("開催日", "研修日", "日付", "日時", "date")
					.example("2025-06-12")
					.build(),
						text("title", "研修名", "Title").required()
							.max(200)
							.aliases("テーマ", "研修", "研修テーマ", "名称", "タイトル")
							.example("不審メールとパスワードの基本")
							.build(),
						text("audience", "対象者", "Audience").aliases("対象", "受講対象", "参加対象")
							.example("全職員（委託業者を含む）")
							.build(),
						integer("attendees", "参加人数", "Attendees").aliases("受講者数", "参加者数", "出席者数", "人数")
							.example("42")
							.build(),
						text("content", "内容", "Content").max(2000)
							.aliases("研修内容", "概要", "実施内容")
							.example("不審メールの見分け方、パスワードの使い回しの禁止、USBメモリの持ち込み禁止")
							.build(),
						text("materials", "資料", "Materials").aliases("教材", "使用資料", "配布資料", "資料名")
							.example("厚生労働省の研修用資料")
							.build(),
						text("note", "備考", "Note").max(2000)
							.aliases("メモ", "remarks")
							.example("欠席者には資料を配布し確認票を回収")
							.build()),
				"title", 160);
	}

}
