package jp.mamori.account;

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
import static jp.mamori.shared.ledger.LedgerColumn.integer;
import static jp.mamori.shared.ledger.LedgerColumn.text;

/**
 * The account ledgers: staff roster, system accounts, role matrix and password rules per
 * system.
 */
@Configuration(proxyBeanMethods = false)
public class AccountLedgers {

	public static final String STAFF = "staff";

	public static final String ACCOUNTS = "accounts";

	public static final String ROLE_MATRIX = "role-matrix";

	public static final String PASSWORD_POLICIES = "password-policies";

	/** 職種, shared by the roster and the role matrix so that the two can be matched. */
	public static final Map<String, String> JOB_TYPES = Choices.of("doctor", "医師", "nurse", "看護師", "pharmacist", "薬剤師",
			"medical_technician", "医療技術職", "clerical", "事務", "system", "システム", "contractor", "委託・派遣", "other", "その他");

	public static final Map<String, String> EMPLOYMENT_STATUSES = Choices.of("active", "在職", "on_leave", "休職", "left",
			"退職");

	public static final Map<String, String> ACCOUNT_KINDS = Choices.of("personal", "個人", "shared", "共用", "service",
			"サービス・機器");

	public static final Map<String, String> ACCESS_LEVELS = Choices.of("read", "参照", "write", "更新", "admin", "管理",
			"none", "不可");

	@Bean
	LedgerDefinition staffLedger() {
		return new LedgerDefinition(STAFF, "account_staff", "職員名簿", "Staff roster", List.of("2-④", "2-⑤"),
				"システムを使う職員（委託・派遣の方も含みます）を1人1行で記録し、職種と在職状況、退職日を書いておきます。"
						+ "人事の異動や退職とアカウントを突き合わせることで、職種に合った権限の設定（2-④）と不要なアカウントの削除（2-⑤）を確かめられます。",
				"One row per person who uses the systems, contractors included: job type, employment status and leaving "
						+ "date — matched against the accounts to check rights by job (2-④) and leavers' accounts (2-⑤).",
				List.of(text("name", "氏名", "Name").required()
					.max(100)
					.aliases("名前", "職員名", "職員氏名", "スタッフ名", "full name")
					.example("山田 太郎")
					.build(),
						text("staffNumber", "職員番号", "Staff number").max(100)
							.aliases("職員ID", "職員コード", "社員番号", "staff no", "employee number")
							.example("A0123")
							.build(),
						text("department", "所属部署", "Department").aliases("部署", "所属", "部門", "診療科", "所属科")
							.example("外来")
							.build(),
						choice("jobType", "職種", "Job type", JOB_TYPES).aliases("職名", "資格", "occupation")
							.example("看護師")
							.build(),
						choice("employmentStatus", "在職状況", "Employment status", EMPLOYMENT_STATUSES)
							.aliases("在籍状況", "在籍", "状態", "ステータス", "status")
							.example("退職")
							.build(),
						date("joinedOn", "入職日", "Joined on").aliases("採用日", "入社日", "着任日", "joined")
							.example("2020-04-01")
							.build(),
						date("leftOn", "退職日", "Left on").aliases("退職", "離職日", "退社日", "left")
							.example("2025-03-31")
							.build(),
						text("note", "備考", "Note").max(2000)
							.aliases("メモ", "remarks")
							.example("電子カルテのアカウントは退職日に無効化済み")
							.build()),
				"name", 60);
	}

	@Bean
	LedgerDefinition accountsLedger() {
		return new LedgerDefinition(ACCOUNTS, "account_account", "システムアカウント", "System accounts",
				List.of("2-④", "2-⑤", "2-⑩"),
				"電子カルテやレセコンなど、システムごとのアカウントを1つ1行で記録します。誰のアカウントか（共用・機器用も含めて）、"
						+ "管理者権限や二要素認証の有無、最終ログイン日が分かれば、退職者や使っていないアカウントをすぐに見つけられます。",
				"One row per account on each system: whose it is (or shared / service), role, administrator rights, "
						+ "two-factor and last login — so leavers' and unused accounts stand out (2-⑤).",
				List.of(text("system", "システム", "System").required()
					.max(200)
					.aliases("システム名", "対象システム", "機器")
					.example("電子カルテ")
					.build(),
						text("userId", "ユーザーID", "User ID").required()
							.max(200)
							.aliases("ユーザID", "ログインID", "利用者ID", "アカウント", "アカウント名", "login id", "account")
							.example("nurse0123")
							.build(),
						text("staffName", "職員氏名", "Staff member").max(100)
							.aliases("氏名", "利用者名", "利用者", "使用者", "名前", "職員", "staff")
							.example("山田 太郎")
							.build(),
						choice("kind", "アカウント種別", "Account kind", ACCOUNT_KINDS)
							.aliases("種別", "区分", "個人・共用", "account type")
							.example("個人")
							.build(),
						text("role", "権限・ロール", "Role").aliases("権限", "ロール", "役割", "権限グループ", "利用者区分")
							.example("看護師（参照・記載）")
							.build(),
						bool("admin", "管理者権限", "Administrator").aliases("管理者", "特権", "administrator", "admin rights")
							.example("いいえ")
							.build(),
						bool("twoFactor", "二要素認証", "Two-factor").aliases("多要素認証", "二段階認証", "2FA", "MFA")
							.example("はい")
							.build(),
						date("createdOn", "作成日", "Created on").aliases("登録日", "発行日", "付与日", "created")
							.example("2020-04-01")
							.build(),
						date("lastLoginOn", "最終ログイン日", "Last login on")
							.aliases("最終ログイン", "最終利用日", "最終使用日", "last login")
							.example("2025-03-28")
							.build(),
						date("disabledOn", "無効化・削除日", "Disabled / deleted on")
							.aliases("無効化日", "削除日", "停止日", "disabled", "deleted")
							.example("2025-03-31")
							.build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "remarks").example("退職に伴い無効化").build()),
				"userId", 70);
	}

	@Bean
	LedgerDefinition roleMatrixLedger() {
		return new LedgerDefinition(ROLE_MATRIX, "account_role_matrix", "権限表（職種×情報区分）", "Role matrix", List.of("2-④"),
				"職種ごとに、診療録や検査結果、会計・レセプトなどの情報区分をどこまで扱えるか（参照・更新・管理・不可）を1組1行で決めておきます。"
						+ "実際のアカウントの権限がこの表どおりかを確かめることが、2-④ の根拠になります。",
				"Which access level each job type has to each class of information (records, results, billing …); "
						+ "accounts are checked against it for 2-④, including who may hold administrator rights.",
				List.of(choice("jobType", "職種", "Job type", JOB_TYPES).required()
					.aliases("職名", "利用者区分", "occupation")
					.example("看護師")
					.build(),
						text("infoClass", "情報区分", "Information class").required()
							.max(200)
							.aliases("情報の区分", "情報種別", "データ区分", "対象情報", "情報")
							.example("診療録")
							.build(),
						choice("accessLevel", "アクセス権限", "Access level", ACCESS_LEVELS)
							.aliases("権限", "アクセス権", "権限レベル", "可否")
							.example("更新")
							.build(),
						text("system", "システム", "System").aliases("システム名", "対象システム").example("電子カルテ").build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "remarks").example("他科の患者は参照のみ").build()),
				"infoClass", 80);
	}

	@Bean
	LedgerDefinition passwordPoliciesLedger() {
		return new LedgerDefinition(PASSWORD_POLICIES, "account_password_policy", "パスワード規則", "Password rules",
				List.of("2-⑦", "2-⑧", "2-⑩"),
				"システムや機器ごとに、パスワードの長さ・文字種・変更の間隔・使い回しの禁止・二要素認証の有無を記録します。"
						+ "英数字と記号を混ぜた8文字以上で定期的に変更すること（二要素認証か13文字以上なら定期変更は不要）が 2-⑦ の目安で、設定画面の写しなどを根拠として残します。",
				"Each system's password rules — length, character mix, change interval, reuse, two-factor, lockout — "
						+ "with the evidence; 2-⑦ asks for 8+ mixed characters changed periodically (not needed with "
						+ "two-factor or 13+ characters).",
				List.of(text("system", "システム・機器", "System / device").required()
					.max(200)
					.aliases("システム", "システム名", "機器", "機器名", "対象")
					.example("電子カルテ")
					.build(),
						integer("minLength", "最小文字数", "Minimum length")
							.aliases("文字数", "最低文字数", "パスワード長", "桁数", "min length")
							.example("8")
							.build(),
						bool("complexity", "英数字・記号の混在", "Complexity required").aliases("複雑さ", "文字種", "英数記号混在", "複雑性")
							.example("はい")
							.build(),
						integer("changeDays", "定期変更の間隔（日）", "Change every (days)")
							.aliases("変更間隔", "定期変更", "有効期限", "有効期間", "change interval")
							.example("90")
							.build(),
						bool("reuseProhibited", "使い回しの禁止", "Reuse prohibited")
							.aliases("使い回し禁止", "使い回し", "再利用禁止", "reuse")
							.example("はい")
							.build(),
						integer("reuseGenerations", "再使用禁止の世代数", "Reuse history (generations)")
							.aliases("世代数", "パスワード履歴", "履歴", "history")
							.example("5")
							.build(),
						bool("twoFactor", "二要素認証", "Two-factor").aliases("多要素認証", "二段階認証", "2FA", "MFA")
							.example("いいえ")
							.build(),
						bool("lockout", "ロックアウト", "Lockout").aliases("アカウントロック", "ロック", "試行回数制限").example("はい").build(),
						text("evidence", "根拠・備考", "Evidence / note").max(2000)
							.aliases("根拠", "備考", "確認方法", "メモ", "note")
							.example("設定画面の写し（2025-06-01 確認）")
							.build()),
				"system", 90);
	}

}
