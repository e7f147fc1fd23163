package jp.mamori.accesslog;

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

/** The access-log ledger: the ログリスト of log sources. */
@Configuration(proxyBeanMethods = false)
public class AccessLogLedgers {

	public static final String LOG_SOURCES = "log-sources";

	public static final Map<String, String> REVIEW_FREQUENCIES = Choices.of("daily", "毎日", "weekly", "毎週", "monthly",
			"毎月", "quarterly", "四半期", "none", "なし");

	@Bean
	LedgerDefinition logSourcesLedger() {
		return new LedgerDefinition(LOG_SOURCES, "accesslog_log_source", "ログリスト", "Log sources", List.of("2-⑪"),
				"サーバや端末、VPN 機器、電子カルテなどについて、どんなログがどこに何日分残り、誰がどのくらいの頻度で確認しているかを1種類1行で記録します。"
						+ "ログは削除や改ざんができないよう守られていることも 2-⑪ で求められるので、その有無も書いておきます。",
				"One row per log on each device or system: where it is kept, for how long, whether it is protected from "
						+ "deletion and alteration, and who reviews it how often — what 2-⑪ asks for.",
				List.of(text("source", "機器・システム", "Device / system").required()
					.max(200)
					.aliases("機器", "機器名", "システム", "システム名", "対象", "device", "system")
					.example("電子カルテサーバ1")
					.build(),
						text("logKind", "ログの種類", "Log kind").aliases("ログ種別", "種類", "ログ", "ログ名", "log type")
							.example("Windowsセキュリティログ")
							.build(),
						text("location", "保存場所", "Where kept").aliases("保管場所", "保存先", "location")
							.example("サーバ内のイベントログとログ収集サーバ")
							.build(),
						integer("retentionDays", "保存期間（日）", "Retention (days)")
							.aliases("保存期間", "保管期間", "保存日数", "retention")
							.example("365")
							.build(),
						bool("tamperProtected", "削除・改ざんの防止", "Protected from deletion/alteration")
							.aliases("改ざん防止", "削除防止", "改ざん対策", "protected")
							.example("はい")
							.build(),
						text("reviewer", "確認者", "Reviewer").max(100)
							.aliases("確認担当", "レビュー者", "担当者")
							.example("システム担当 佐藤")
							.build(),
						choice("reviewFrequency", "確認の頻度", "Review frequency", REVIEW_FREQUENCIES)
							.aliases("確認頻度", "頻度", "確認間隔", "レビュー頻度", "frequency")
							.example("毎月")
							.build(),
						date("lastReviewedOn", "最終確認日", "Last reviewed on").aliases("確認日", "最終レビュー日", "last reviewed")
							.example("2025-06-30")
							.build(),
						text("note", "備考", "Note").max(2000)
							.aliases("メモ", "remarks")
							.example("ログイン失敗の多発を重点的に確認")
							.build()),
				"source", 100);
	}

}
