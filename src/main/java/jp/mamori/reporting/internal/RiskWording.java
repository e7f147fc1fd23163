package jp.mamori.reporting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The risks of failing checks in plain Japanese for the management one-pager, most severe
 * first: what an attacker would use first (unpatched or unrestricted remote access, as in
 * the 半田病院 and 大阪急性期・総合医療センター incidents) comes before what makes the damage worse (no
 * offline backup, leavers' accounts) and before paperwork. Like the form wording, these
 * sentences are data written for 経営層 rather than interface text.
 */
public final class RiskWording {

	private static final Map<String, String> SENTENCES = sentences();

	private static final List<String> ORDER = List.copyOf(SENTENCES.keySet());

	private RiskWording() {
	}

	private static Map<String, String> sentences() {
		Map<String, String> s = new LinkedHashMap<>();
		s.put("inventory.devices-patched", "VPN装置やサーバなどに、更新されていない（既知の脆弱性を含むおそれのある）OS・ファームウェアが残っています");
		s.put("vulnerability.no-kev-or-eol", "実際に攻撃に悪用されている脆弱性（KEV）の影響を受ける機器や、サポートが終了した製品を使っている機器があります");
		s.put("inventory.source-restricted", "保守用VPNなど外部からの接続に接続元の制限がない機器があります");
		s.put("network.no-open-source-rules", "ルーター・ファイアウォールの設定に、接続元を制限していない許可ルールや外部に開いた管理画面が残っています");
		s.put("inventory.remote-connections-confirmed", "業者の保守用リモート接続に、今年度の確認が済んでいないものがあります");
		s.put("continuity.backups-offline-tested", "ランサムウェアに備えたオフラインのバックアップ、または復旧テストが不十分です");
		s.put("account.no-leaver-enabled", "退職した職員のアカウントが有効なまま残っています");
		s.put("account.two-factor", "二要素認証がなく、導入計画も立っていないシステムがあります");
		s.put("accesslog.server-logs-reviewed", "サーバのアクセスログが定期的に確認されておらず、侵入に気付けないおそれがあります");
		s.put("account.role-matrix-defined", "管理者権限を持つ利用者が整理・限定されていません");
		s.put("account.password-reuse-prohibited", "複数のシステムで同じパスワードが使い回されています");
		s.put("account.password-policy-r7", "パスワードの設定ルールが基準を満たしていないシステムがあります");
		s.put("inventory.external-media-restricted", "USBメモリなど外部記録媒体の利用が制限されていない端末・サーバがあります");
		s.put("inventory.background-software-allowed", "許可していないソフトウェア（リモート操作ツールなど）が動いているサーバ・端末があります");
		s.put("inventory.device-ledger-complete", "機器台帳に記載漏れや古い情報があり、守るべき機器を把握しきれていません");
		s.put("network.scan-matches-ledger", "ネットワークスキャンで、機器台帳に載っていない機器が見つかりました");
		s.put("vendor.mds-sds-reviewed", "委託先業者のセキュリティ確認書（MDS/SDS）が受領・確認されていません");
		s.put("continuity.contact-chart-complete", "インシデント発生時の連絡先（厚生労働省・警察を含む）が整っていません");
		s.put("continuity.bcp-drilled", "サイバー攻撃を想定したBCPの訓練が今年度行われていません");
		s.put("policy.security-manager-designated", "医療情報システム安全管理責任者が決まっていない、または承認されていません");
		s.put("policy.operating-rules-current", "運用管理規程が最新の内容になっていません");
		return s;
	}

	/**
	 * The position of a check in the severity order (0 = most severe); checks without a
	 * sentence come after every listed one.
	 */
	public static int severity(String checkId) {
		int index = ORDER.indexOf(checkId);
		return index < 0 ? ORDER.size() : index;
	}

	/**
	 * The plain-language risk of a failing check; for a check without a sentence, its
	 * title with 「が満たされていません」.
	 */
	public static String sentence(String checkId, String checkTitle) {
		String sentence = SENTENCES.get(checkId);
		return sentence != null ? sentence : checkTitle + "が満たされていません";
	}

}
