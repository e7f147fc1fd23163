package jp.mamori.continuity;

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
 * The continuity ledgers: backups, recovery procedures and BCP points (the contacts
 * ledger is {@link ContactLedger}).
 */
@Configuration(proxyBeanMethods = false)
public class ContinuityLedgers {

	public static final String BACKUPS = "backups";

	public static final String RECOVERY_PROCEDURES = "recovery-procedures";

	public static final String BCP_POINTS = "bcp-points";

	public static final Map<String, String> BACKUP_METHODS = Choices.of("online", "オンライン", "offline", "オフライン",
			"immutable", "イミュータブル", "cloud", "クラウド");

	public static final Map<String, String> RESTORE_RESULTS = Choices.of("success", "成功", "partial", "一部失敗", "failed",
			"失敗", "not_done", "未実施");

	/** The five phases of MHLW's サイバー攻撃を想定したBCP策定の確認表, in order. */
	public static final Map<String, String> BCP_PHASES = Choices.of("normal", "平時", "detection", "検知",
			"initial_response", "初動", "recovery", "復旧", "post_incident", "事後");

	public static final Map<String, String> BCP_STATUSES = Choices.of("done", "済", "in_progress", "対応中", "not_started",
			"未着手");

	@Bean
	LedgerDefinition backupsLedger() {
		return new LedgerDefinition(BACKUPS, "continuity_backup", "バックアップ", "Backups", List.of("3-②", "3-③"),
				"診療を続けるのに必要なシステムとデータごとに、バックアップの方式・世代数・頻度・保管場所と、最後に成功した日を記録します。"
						+ "ランサムウェアに全部を暗号化されないようオフラインやイミュータブルの控えを持ち、実際に戻せるか復元テストの結果も残してください。",
				"Per system and data: backup method, generations, frequency, location and last successful run, and the "
						+ "last restore test and its result — keep an offline or immutable copy ransomware cannot reach.",
				List.of(text("system", "システム", "System").required()
					.max(200)
					.aliases("システム名", "対象システム", "機器", "system name")
					.example("電子カルテ")
					.build(),
						text("data", "対象データ", "Data").aliases("データ", "バックアップ対象", "対象", "内容")
							.example("診療録データベースと画像")
							.build(),
						choice("method", "方式", "Method", BACKUP_METHODS)
							.aliases("バックアップ方式", "方法", "種類", "媒体の種類", "type")
							.example("オフライン")
							.build(),
						integer("generations", "世代数", "Generations").aliases("保存世代数", "保存世代", "世代")
							.example("7")
							.build(),
						text("frequency", "取得頻度", "Frequency").max(200)
							.aliases("頻度", "実施頻度", "バックアップ頻度", "間隔", "スケジュール", "schedule")
							.example("毎日 23時")
							.build(),
						text("location", "保管場所", "Location").aliases("保存先", "保管先", "保存場所", "媒体")
							.example("外付けHDD（鍵付きの書庫）")
							.build(),
						date("lastSucceededOn", "最後に成功した日", "Last successful run")
							.aliases("最終成功日", "最終取得日", "最終実施日", "last success")
							.example("2025-06-30")
							.build(),
						date("lastRestoreTestOn", "最後の復元テスト日", "Last restore test")
							.aliases("復元テスト日", "最終復元テスト日", "リストアテスト日", "復旧テスト日", "restore test")
							.example("2025-03-15")
							.build(),
						choice("restoreTestResult", "復元テストの結果", "Restore test result", RESTORE_RESULTS)
							.aliases("復元テスト結果", "テスト結果", "リストア結果", "結果", "restore result")
							.example("成功")
							.build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "remarks").example("復元に約4時間かかった").build()),
				"system", 110);
	}

	@Bean
	LedgerDefinition recoveryProceduresLedger() {
		return new LedgerDefinition(RECOVERY_PROCEDURES, "continuity_recovery_procedure", "復旧手順", "Recovery procedures",
				List.of("3-②", "3-③"),
				"システムが止まったときにどの順番で、何時間以内を目標に、誰がどの手順で戻すかをシステムごとに記録します。" + "手順書の置き場所と最後に見直した日も書いておくと、いざというときに迷わず動けます。",
				"Per system: recovery order, target time (RTO), the steps, who does them, where the manual is and when "
						+ "it was last reviewed.",
				List.of(text("system", "システム", "System").required()
					.max(200)
					.aliases("システム名", "対象システム", "system name")
					.example("電子カルテ")
					.build(),
						integer("priority", "復旧の優先順位", "Priority").aliases("優先順位", "優先度", "順位", "復旧順")
							.example("1")
							.build(),
						integer("rtoHours", "目標復旧時間（時間）", "RTO (hours)").aliases("目標復旧時間", "復旧目標時間", "RTO")
							.example("24")
							.build(),
						list("steps", "手順", "Steps").max(4000)
							.aliases("復旧手順", "手順概要", "作業手順")
							.example("ネットワークから切り離す、オフラインのバックアップから復元する、動作を確認して再開する")
							.build(),
						text("responsible", "担当者", "Responsible").aliases("責任者", "担当", "実施者", "担当部署", "owner")
							.example("システム担当 佐藤（○○メディカルが支援）")
							.build(),
						text("manualLocation", "手順書の保管場所", "Manual location").aliases("手順書", "マニュアル", "保管場所", "manual")
							.example("事務室キャビネット「障害対応」ファイル")
							.build(),
						date("lastReviewedOn", "最終見直し日", "Last reviewed on")
							.aliases("見直し日", "確認日", "最終確認日", "last reviewed")
							.example("2025-04-10")
							.build()),
				"system", 120);
	}

	@Bean
	LedgerDefinition bcpPointsLedger() {
		return new LedgerDefinition(BCP_POINTS, "continuity_bcp_point", "BCP（サイバー攻撃）", "Cyber-attack BCP",
				List.of("3-③"),
				"厚生労働省の「サイバー攻撃を想定したBCP策定の確認表」の平時・検知・初動・復旧・事後の段階ごとに、確認する点と対応の状況を1点1行で記録します。"
						+ "担当者と期限を決め、訓練をした日も残しておくと、BCP が実際に使えるものになっているかを示せます。",
				"The points of MHLW's cyber-BCP checklist by phase (normal, detection, first response, recovery, "
						+ "afterwards), with status, owner, due date, evidence and the last drill.",
				List.of(choice("phase", "段階", "Phase", BCP_PHASES).required()
					.aliases("フェーズ", "局面", "区分", "時期")
					.example("平時")
					.build(),
						text("point", "確認する点", "Point").required()
							.max(500)
							.aliases("確認項目", "項目", "確認事項", "対策", "チェック項目", "item")
							.example("オフラインのバックアップを取得し、復元の手順を確かめている")
							.build(),
						choice("status", "状況", "Status", BCP_STATUSES).aliases("状態", "対応状況", "進捗", "ステータス")
							.example("対応中")
							.build(),
						text("owner", "担当者", "Owner").aliases("担当", "責任者", "担当部署").example("事務長").build(),
						date("dueOn", "期限", "Due on").aliases("対応期限", "目標日", "期日", "due").example("2025-09-30").build(),
						text("evidence", "根拠資料", "Evidence").aliases("証跡", "根拠", "資料", "関連文書")
							.example("BCP 第2章、バックアップ台帳")
							.build(),
						date("lastDrillOn", "最後の訓練日", "Last drill on")
							.aliases("最終訓練日", "訓練日", "訓練実施日", "演習日", "last drill")
							.example("2025-02-20")
							.build()),
				"point", 130);
	}

}
