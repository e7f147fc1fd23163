package jp.mamori.network.config;

/**
 * The change that fixes a finding, written in the vendor's own syntax where it is
 * obvious; otherwise a short Japanese instruction. Addresses in examples are the
 * documentation ranges (192.0.2.0/24, 198.51.100.0/24) for the user to replace.
 */
final class VendorFixes {

	private VendorFixes() {
	}

	static String inboundFilter(Vendor vendor, String iface) {
		return switch (vendor) {
			case RTX -> {
				String prefix = iface.startsWith("pp") ? "pp select " + iface.substring(2) + "\n ip pp" : "ip " + iface;
				yield prefix
						+ " secure filter in 200000 200001 200002 200020 200021 200022 200023 200024 200025 200030 200032"
						+ "\n（200000番台は YAMAHA の設定例に沿った「外からは原則拒否」のフィルタ。ip filter で定義してから適用）";
			}
			case IOS -> "interface " + iface
					+ "\n ip access-group INBOUND-FILTER in\n（ip access-list extended INBOUND-FILTER に必要な通信だけを許可）";
			case ASA -> "access-group OUTSIDE-IN in interface " + iface;
			case IPTABLES -> "iptables -P INPUT DROP ; iptables -P FORWARD DROP（必要な通信の ACCEPT を先に追加）";
			default -> "外部からの通信を原則拒否するフィルタを " + iface + " に設定してください。";
		};
	}

	static String restrictSource(Vendor vendor, FilterRule rule) {
		return switch (vendor) {
			case RTX -> rule.text().replaceFirst("^(ip filter \\S+ \\S+) \\*", "$1 198.51.100.10");
			case FORTIGATE -> "config firewall policy\n    edit " + rule.id()
					+ "\n        set srcaddr \"<接続元アドレスのオブジェクト>\"\n    next\nend";
			case IOS, ASA -> rule.text().replaceFirst("\\bany4?\\b", "host 198.51.100.10");
			case IPTABLES -> rule.text().replaceFirst("^-A (\\S+)", "-A $1 -s 198.51.100.10/32");
			case PFSENSE -> "ファイアウォール > ルール で、このルールの送信元を any から特定のアドレス（またはエイリアス）に変更してください。";
			default -> "";
		};
	}

	static String removeForward(Vendor vendor, PortForward forward) {
		return switch (vendor) {
			case RTX -> "no " + forward.text() + "\n（必要ならVPN経由で接続。残す場合は ip filter で接続元を限定）";
			case FORTIGATE -> "この VIP（" + forward.id() + "）を使うポリシーの srcaddr を接続元に限定するか、VIP を削除してください。";
			case IOS -> "no " + forward.text();
			case IPTABLES -> forward.text().replaceFirst("^-A", "-D");
			default -> "このポート転送を削除するか、送信元を限定してください。";
		};
	}

	static String restrictManagement(Vendor vendor, ManagementAccess access) {
		return switch (vendor) {
			case RTX -> switch (access.protocol()) {
				case HTTP -> "httpd host lan1";
				case TELNET -> "telnetd host lan1";
				case SSH -> "sshd host lan1";
				case TFTP -> "tftp host none";
				case SNMP -> "snmp host 192.0.2.10";
				default -> "";
			};
			case IOS -> switch (access.protocol()) {
				case HTTP, HTTPS -> "no ip http server\nno ip http secure-server";
				case SNMP -> access.text() + " 10（access-list 10 permit 192.0.2.10）";
				default ->
					"line vty 0 4\n access-class 10 in\n transport input ssh\n（access-list 10 permit 192.0.2.0 0.0.0.255）";
			};
			case ASA ->
				access.text().replaceFirst("0\\.0\\.0\\.0 0\\.0\\.0\\.0 \\S+", "192.0.2.0 255.255.255.0 inside");
			case FORTIGATE -> "config system interface\n    edit \"" + String.join(" ", access.interfaces())
					+ "\"\n        unselect allowaccess " + access.protocol().id() + "\n    next\nend";
			default -> "管理接続を受け付ける接続元を LAN 内の管理用端末に限定してください。";
		};
	}

	static String disableTelnet(Vendor vendor, ManagementAccess access) {
		return switch (vendor) {
			case RTX -> "telnetd service off\nsshd service on\nsshd host lan1";
			case IOS -> "line vty 0 4\n transport input ssh";
			case ASA -> "no " + access.text();
			case FORTIGATE -> "config system interface\n    edit \"" + String.join(" ", access.interfaces())
					+ "\"\n        unselect allowaccess telnet\n    next\nend";
			default -> "Telnet を無効にして SSH を使ってください。";
		};
	}

	static String restrictVpn(Vendor vendor, VpnSetting vpn) {
		return switch (vendor) {
			case FORTIGATE -> switch (vpn.kind()) {
				case SSL_VPN -> "config vpn ssl settings\n    set source-address \"<接続元アドレスのオブジェクト>\"\nend";
				default -> "config vpn ipsec phase1-interface\n    edit \"" + vpn.name()
						+ "\"\n        set remote-gw 198.51.100.10\n    next\nend";
			};
			case RTX -> vpn.text().replaceFirst("any$", "198.51.100.10");
			default -> "VPN の接続元を決まったアドレスに限定してください。";
		};
	}

	static String twoFactor(Vendor vendor, LocalUser user) {
		return switch (vendor) {
			case FORTIGATE ->
				"config user local\n    edit \"" + user.name() + "\"\n        set two-factor fortitoken\n    next\nend";
			case RTX -> "RTX の L2TP/IPsec には二要素認証がありません。二要素認証に対応した VPN 装置・サービスへの切り替えを検討してください。";
			default -> "VPN 利用者に二要素認証（ワンタイムパスワード等）を設定してください。";
		};
	}

	static String setPassword(Vendor vendor, LocalUser user) {
		return switch (vendor) {
			case RTX ->
				user.name().equals("(administrator)") ? "administrator password encrypted" : "login password encrypted";
			case FORTIGATE ->
				"config system admin\n    edit \"" + user.name() + "\"\n        set password <新しいパスワード>\n    next\nend";
			case IOS -> "username " + user.name() + " privilege 15 secret <新しいパスワード>";
			case PFSENSE -> "System > User Manager で「" + user.name() + "」のパスワードを変更してください。";
			default -> "パスワードを変更してください。";
		};
	}

}
