package jp.mamori.inventory;

import java.util.List;
import java.util.Set;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckFindings;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

import static jp.mamori.evaluation.CheckFindings.text;
import static jp.mamori.evaluation.CheckFindings.yes;

/**
 * 2-⑬ for Wi-Fi: every SSID on the EMR network admits registered devices only (802.1X or
 * MAC restriction), guest and patient Wi-Fi are separated from the EMR network, and no
 * network outside a separated guest/patient segment is open or WEP.
 */
@Component
class WifiSeparatedCheck implements Check {

	/** Authentication modes that are 802.1X by definition. */
	static final Set<String> ENTERPRISE = Set.of("wpa2_enterprise", "wpa3_enterprise");

	/**
	 * Authentication modes that protect nothing: no key, or a key broken for two decades.
	 */
	static final Set<String> WEAK = Set.of("open", "wep");

	static final Set<String> VISITOR_SEGMENTS = Set.of("guest", "patient");

	private final Ledgers ledgers;

	private final LedgerStore store;

	WifiSeparatedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "inventory.wifi-separated";
	}

	@Override
	public String title() {
		return "無線LAN台帳で、電子カルテ系の無線LANが802.1X認証かMACアドレス制限で守られ、患者用・ゲスト用の無線LANが電子カルテ系から分離されていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition wifi = ledgers.require(InventoryLedgers.WIFI);
		List<LedgerRow> rows = store.list(wifi, context.org(), 0, Integer.MAX_VALUE);
		if (rows.isEmpty()) {
			// an empty register is read as "no Wi-Fi": most clinics have none, and the
			// other 2-⑬
			// checks still judge the wired side; the reason tells those who do have Wi-Fi
			// to register it
			return CheckResult.notApplicable("無線LAN台帳に登録がないため、無線LANは使っていないものとして扱いました。無線LANを使っている場合は SSID ごとに登録してください。");
		}
		CheckFindings findings = CheckFindings.start();
		for (LedgerRow row : rows) {
			String reason = problem(row);
			if (reason != null) {
				String ssid = CheckFindings.orUnnamed(text(row, "ssid"));
				findings.add(reason, new CheckResult.Ref(wifi.id(), row.id(), ssid));
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("無線LAN " + rows.size() + " 件すべてで、電子カルテ系は接続できる機器が制限され、患者用・ゲスト用は電子カルテ系から分離されています。");
	}

	/** The first problem of one SSID in Japanese, or null when it has none. */
	static String problem(LedgerRow row) {
		String ssid = "SSID「" + CheckFindings.orUnnamed(text(row, "ssid")) + "」";
		String segment = text(row, "segment");
		String auth = text(row, "auth");
		if (segment == null) {
			return ssid + " のネットワーク区分（電子カルテ系・業務系・ゲスト・患者用）が記録されていません。";
		}
		boolean visitor = VISITOR_SEGMENTS.contains(segment);
		String segmentLabel = InventoryLedgers.WIFI_SEGMENTS.get(segment);
		if (visitor && !yes(row, "separated")) {
			return ssid + " は" + segmentLabel + "の無線LANですが、電子カルテ系のネットワークから分離されていません（別のVLAN・回線に分けてください）。";
		}
		if ("emr".equals(segment)) {
			if (auth != null && WEAK.contains(auth)) {
				return ssid + " は電子カルテ系につながる無線LANですが、認証方式が「" + InventoryLedgers.WIFI_AUTH.get(auth)
						+ "」です（WPA2/WPA3 と 802.1X 認証にしてください）。";
			}
			boolean dot1x = yes(row, "dot1x") || (auth != null && ENTERPRISE.contains(auth));
			if (!dot1x && !yes(row, "macFilter")) {
				return ssid + " は電子カルテ系につながる無線LANですが、802.1X 認証も MAC アドレス制限もありません（登録した機器だけが接続できるようにしてください）。";
			}
			return null;
		}
		if (!visitor && auth != null && WEAK.contains(auth)) {
			return ssid + " は" + segmentLabel + "の無線LANですが、認証方式が「" + InventoryLedgers.WIFI_AUTH.get(auth)
					+ "」です（WPA2 以上にしてください）。";
		}
		return null;
	}

}
