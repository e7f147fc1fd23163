package jp.mamori.inventory;

import java.util.List;
import java.util.Map;

import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.Choices;
import jp.mamori.shared.ledger.LedgerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static jp.mamori.shared.ledger.LedgerColumn.bool;
import static jp.mamori.shared.ledger.LedgerColumn.choice;
import static jp.mamori.shared.ledger.LedgerColumn.date;
import static jp.mamori.shared.ledger.LedgerColumn.list;
import static jp.mamori.shared.ledger.LedgerColumn.text;

/** The inventory ledgers: devices, cloud services, remote-maintenance connections. */
@Configuration(proxyBeanMethods = false)
public class InventoryLedgers {

	public static final String DEVICES = "devices";

	public static final String REMOTE_CONNECTIONS = "remote-connections";

	public static final String CLOUD_SERVICES = "cloud-services";

	public static final String SOFTWARE_ALLOWLIST = "software-allowlist";

	public static final String WIFI = "wifi";

	/** 認証方式 of a Wi-Fi network; the two Enterprise modes authenticate with 802.1X. */
	public static final Map<String, String> WIFI_AUTH = Choices.of("wpa2_personal", "WPA2-Personal", "wpa3_personal",
			"WPA3-Personal", "wpa2_enterprise", "WPA2-Enterprise", "wpa3_enterprise", "WPA3-Enterprise", "open",
			"オープン（認証なし）", "wep", "WEP", "other", "その他");

	/** ネットワーク区分 of a Wi-Fi network. */
	public static final Map<String, String> WIFI_SEGMENTS = Choices.of("emr", "電子カルテ系", "business", "業務系", "guest",
			"ゲスト", "patient", "患者用");

	public static final Map<String, String> DEVICE_KINDS = Choices.of("server", "サーバ", "pc", "端末PC", "network",
			"ネットワーク機器", "medical", "医療機器", "other", "その他");

	/**
	 * The device ledger (機器台帳); public so that offline commands ({@code mamori analyze
	 * versions|scan --inventory}) can read its export without starting Spring.
	 */
	@Bean
	public LedgerDefinition devicesLedger() {
		return new LedgerDefinition(DEVICES, "inventory_device", "機器台帳", "Device ledger",
				List.of("2-①", "2-②", "2-⑥", "2-⑨"),
				"サーバ・端末PC・ネットワーク機器（医療機器も）を1台1行で記録します。OS やファームウェアの版、IPアドレス、設置場所、"
						+ "どのシステムに属するかが分かれば、保守事業者への確認（2-②）や更新の適用（2-⑥）の土台になります。",
				"One row per server, PC, network or medical device: OS and firmware versions, addresses, location and "
						+ "system — the basis for the remote-maintenance check (2-②) and patching (2-⑥).",
				List.of(text("name", "機器名", "Device name").required()
					.max(200)
					.aliases("名称", "機器", "device", "資産名")
					.example("電子カルテサーバ1")
					.build(),
						choice("kind", "種別", "Kind", DEVICE_KINDS).required()
							.aliases("機器種別", "区分", "type", "category")
							.example("サーバ")
							.build(),
						text("maker", "メーカー", "Maker").aliases("製造元", "manufacturer", "vendor名").example("富士通").build(),
						text("model", "型番", "Model").aliases("機種", "モデル", "model name")
							.example("PRIMERGY TX1330")
							.build(),
						text("serial", "製造番号", "Serial number").aliases("シリアル", "シリアル番号", "serial", "S/N")
							.example("MA1234567")
							.build(),
						text("os", "OS", "Operating system").aliases("オペレーティングシステム", "os名", "ファームウェア")
							.example("Windows Server 2019")
							.build(),
						text("osVersion", "OSのバージョン", "OS version").aliases("バージョン", "version", "ビルド", "build")
							.example("1809 (17763.6054)")
							.build(),
						text("hostname", "ホスト名", "Host name").aliases("コンピュータ名", "コンピューター名", "host", "computer name")
							.example("EMR-SV01")
							.build(),
						list("ipAddresses", "IPアドレス", "IP addresses").max(1000)
							.aliases("IP", "ip address", "ipアドレス", "アドレス")
							.example("192.168.10.11")
							.build(),
						list("macAddresses", "MACアドレス", "MAC addresses").max(1000)
							.aliases("MAC", "mac address")
							.build(),
						text("location", "設置場所", "Location").aliases("場所", "設置", "location").example("サーバ室").build(),
						text("department", "部署", "Department").aliases("部門", "所属", "department").example("医事課").build(),
						text("owner", "利用者・管理者", "User / owner").aliases("利用者", "管理者", "使用者", "owner", "user")
							.example("システム担当")
							.build(),
						text("system", "システム", "System").aliases("所属システム", "システム名", "system").example("電子カルテ").build(),
						list("software", "ソフトウェアとバージョン", "Software and versions").max(4000)
							.aliases("ソフトウェア", "インストールソフト", "software")
							.example("SQL Server 2019 15.0.4385")
							.build(),
						date("inServiceOn", "導入日", "In service since").aliases("導入", "設置日", "購入日")
							.example("2021-04-01")
							.build(),
						date("supportEndsOn", "サポート終了日", "Support ends").aliases("保守期限", "サポート期限", "EOL", "eos")
							.example("2029-01-09")
							.build(),
						date("lastPatchedOn", "最終更新適用日", "Last patched").aliases("パッチ適用日", "更新日", "last update")
							.example("2025-06-10")
							.build(),
						choice("usbPolicy", "外部記録媒体の制限", "External media",
								Choices.of("blocked", "禁止", "restricted", "許可制", "allowed", "制限なし", "unknown", "不明"))
							.aliases("USB", "USB制限", "外部媒体")
							.example("許可制")
							.build(),
						text("networkZone", "ネットワーク区分", "Network zone").aliases("ネットワーク", "セグメント", "zone", "VLAN")
							.example("診療系")
							.build(),
						bool("internetFacing", "インターネットに接続", "Internet-facing").aliases("インターネット", "外部接続", "internet")
							.example("いいえ")
							.build(),
						choice("status", "状態", "Status", Choices.of("active", "稼働中", "retired", "廃棄・撤去"))
							.aliases("ステータス", "status")
							.example("稼働中")
							.build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "note", "remarks").build()),
				"name", 10);
	}

	@Bean
	LedgerDefinition remoteConnectionsLedger() {
		return new LedgerDefinition(REMOTE_CONNECTIONS, "inventory_remote_connection", "リモート保守の接続",
				"Remote-maintenance connections", List.of("2-②", "2-⑬"),
				"事業者がリモートで保守している機器と、その接続方法を記録します。VPN 機器の版、接続元の制限、二要素認証の有無、"
						+ "事業者に確認した日を残してください。大きなランサムウェア被害の多くは保守用 VPN から入っています。",
				"Which devices vendors maintain remotely and how: VPN device and version, source restriction, two-factor, "
						+ "and when the vendor confirmed it. Most large ransomware cases came in through a maintenance VPN.",
				List.of(text("vendor", "事業者", "Vendor").required()
					.max(200)
					.aliases("保守事業者", "ベンダー", "vendor")
					.example("○○メディカル株式会社")
					.build(),
						text("target", "対象機器・システム", "Target").required()
							.max(300)
							.aliases("対象", "機器", "接続先", "target")
							.example("電子カルテサーバ1")
							.build(),
						choice("method", "接続方法", "Method",
								Choices.of("vpn", "VPN", "remote_desktop", "リモートデスクトップツール", "closed_line", "閉域網",
										"other", "その他"))
							.aliases("方式", "接続方式", "method")
							.example("VPN")
							.build(),
						text("gateway", "接続機器・製品", "Gateway / product").aliases("VPN機器", "ゲートウェイ", "製品", "gateway")
							.example("FortiGate 60F")
							.build(),
						text("gatewayVersion", "接続機器のファームウェア", "Gateway firmware")
							.aliases("ファームウェア", "firmware", "バージョン")
							.example("FortiOS 7.2.8")
							.build(),
						text("account", "使用アカウント", "Account used").aliases("アカウント", "ユーザーID", "account")
							.example("vendor-maint")
							.build(),
						bool("sourceRestricted", "接続元の制限", "Source restricted")
							.aliases("接続元制限", "IP制限", "source restriction")
							.example("はい")
							.build(),
						list("allowedSources", "許可する接続元", "Allowed sources").max(2000)
							.aliases("接続元", "許可IP", "allowed sources")
							.example("203.0.113.10")
							.build(),
						bool("twoFactor", "二要素認証", "Two-factor").aliases("多要素認証", "2FA", "MFA").example("はい").build(),
						date("lastConfirmedOn", "事業者に確認した日", "Confirmed with vendor on").aliases("確認日", "confirmed")
							.example("2025-05-20")
							.build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "note").build()),
				"vendor", 20);
	}

	@Bean
	LedgerDefinition softwareAllowlistLedger() {
		return new LedgerDefinition(SOFTWARE_ALLOWLIST, "inventory_software_allowlist", "許可ソフトウェア一覧",
				"Allowed software", List.of("2-⑫"),
				"サーバや端末PCで動かしてよいソフトウェア・サービスを機器の種別ごとに決めて記録します。機器台帳のソフトウェア欄と突き合わせ、"
						+ "一覧にないもの（不要なリモート操作ツールなど）が動いていないかを確かめます。",
				"The software and services allowed per device kind; compared with the device ledger's software column to find "
						+ "what should not run (e.g. unneeded remote-control tools).",
				List.of(choice("deviceKind", "機器の種別", "Device kind", DEVICE_KINDS).required()
					.aliases("種別", "対象", "kind")
					.example("端末PC")
					.build(),
						text("software", "ソフトウェア・サービス名", "Software / service").required()
							.max(200)
							.aliases("ソフトウェア", "サービス", "名称", "software")
							.example("Microsoft Office")
							.build(),
						text("purpose", "用途", "Purpose").aliases("目的", "purpose").example("文書作成").build(),
						text("approvedBy", "承認者", "Approved by").aliases("承認", "approver").example("システム担当").build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "note").example("年1回見直し").build()),
				"software", 25);
	}

	@Bean
	LedgerDefinition cloudServicesLedger() {
		return new LedgerDefinition(CLOUD_SERVICES, "inventory_cloud_service", "クラウドサービス", "Cloud services",
				List.of("2-①", "2-③"), "電子カルテやレセプト、オンライン資格確認、予約、メールなど、外部のクラウドで使っているサービスを記録します。",
				"Services used in the cloud: EMR, claims, online eligibility, booking, mail …",
				List.of(text("name", "サービス名", "Service").required()
					.max(200)
					.aliases("サービス", "名称", "service")
					.example("Web予約サービス")
					.build(),
						text("provider", "提供事業者", "Provider").aliases("事業者", "provider", "ベンダー")
							.example("△△株式会社")
							.build(),
						text("purpose", "用途", "Purpose").aliases("目的", "purpose").example("診療予約").build(),
						bool("patientData", "患者情報を扱う", "Handles patient data").aliases("個人情報", "患者情報")
							.example("はい")
							.build(),
						bool("twoFactor", "二要素認証", "Two-factor").aliases("多要素認証", "2FA", "MFA").example("はい").build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "note").build()),
				"name", 30);
	}

	@Bean
	LedgerDefinition wifiLedger() {
		return new LedgerDefinition(WIFI, "inventory_wifi", "無線LAN台帳", "Wi-Fi register", List.of("2-⑬"),
				"院内で飛んでいる無線LAN（SSID）ごとに、設置場所、認証方式、802.1X 認証や MAC アドレス制限の有無、どのネットワーク区分に"
						+ "つながるかを記録します。電子カルテ系の無線LANは登録した機器だけがつながるように、患者用・ゲスト用は電子カルテ系から" + "分けておく必要があります。",
				"One row per SSID: where it is broadcast, authentication, 802.1X and MAC restriction, and which network "
						+ "it joins. EMR Wi-Fi must admit registered devices only; guest and patient Wi-Fi must be separated "
						+ "from the EMR network.",
				List.of(text("ssid", "SSID", "SSID").required()
					.max(100)
					.aliases("ネットワーク名", "無線LAN名", "ESSID", "SSID名")
					.example("EMR-WLAN")
					.build(),
						text("location", "設置場所", "Where broadcast").aliases("場所", "設置", "エリア", "location")
							.example("2階病棟")
							.build(),
						choice("auth", "認証方式", "Authentication", WIFI_AUTH)
							.aliases("認証", "暗号化", "セキュリティ", "authentication")
							.example("WPA2-Enterprise")
							.build(),
						bool("dot1x", "802.1X認証", "802.1X").aliases("802.1X", "IEEE802.1X", "RADIUS", "証明書認証")
							.example("はい")
							.build(),
						bool("macFilter", "MACアドレス制限", "MAC filtering").aliases("MACフィルタ", "MACアドレスフィルタリング", "MAC制限")
							.example("はい")
							.build(),
						choice("segment", "ネットワーク区分", "Network segment", WIFI_SEGMENTS)
							.aliases("区分", "セグメント", "接続先ネットワーク", "segment", "VLAN")
							.example("電子カルテ系")
							.build(),
						bool("separated", "電子カルテ系と分離", "Separated from EMR").aliases("分離", "電子カルテ系から分離", "separated")
							.example("はい")
							.build(),
						bool("hidden", "ステルス（SSID非通知）", "Hidden SSID").aliases("ステルス", "SSID非通知", "hidden")
							.example("いいえ")
							.build(),
						text("note", "備考", "Note").max(2000).aliases("メモ", "note").build()),
				"ssid", 27);
	}

}
