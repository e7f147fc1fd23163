package jp.mamori.network.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.mamori.shared.Severity;

/**
 * The services that should not be open on a clinic network without a reason: remote
 * control that ransomware groups use to get in and spread (RDP, VNC, SMB), protocols that
 * send passwords in clear (Telnet, FTP, rsh/rlogin, SNMP v1/v2c), databases reached
 * directly, Tomcat's AJP connector (Ghostcat) and TLS versions that are broken.
 *
 * <p>
 * A rule matches by nmap's service name, or by the usual port when nmap did not identify
 * the service by talking to it: an SSH server moved to port 3389 is not RDP.
 */
public final class RiskyServices {

	/**
	 * One kind of risky service.
	 *
	 * @param label the service as people know it ({@code リモートデスクトップ（RDP）})
	 * @param severity how urgent an open one is
	 * @param why why it matters, one Japanese sentence
	 * @param fix what to do, in Japanese
	 */
	public record Risk(String label, Severity severity, String why, String fix) {
	}

	private record Rule(Risk risk, String protocol, int fromPort, int toPort, Set<String> names) {

		boolean matches(ScannedPort port) {
			String name = port.service() == null ? "" : port.service().toLowerCase(Locale.ROOT);
			// "vnc*" stands for every name starting with "vnc"
			if (names.contains(name) || names.stream()
				.anyMatch(n -> n.endsWith("*") && name.startsWith(n.substring(0, n.length() - 1)))) {
				return protocol.equals(port.protocol());
			}
			boolean onPort = protocol.equals(port.protocol()) && port.port() >= fromPort && port.port() <= toPort;
			// a service nmap identified by talking to it as something else is that other
			// thing
			boolean identifiedOtherwise = port.probed() && !name.isEmpty() && !name.equals("tcpwrapped")
					&& !name.equals("unknown");
			return onPort && !identifiedOtherwise;
		}

	}

	private static final List<Rule> RULES = List.of(
			new Rule(new Risk("Telnet", Severity.HIGH, "通信が暗号化されず、ID とパスワードがそのままネットワークに流れます。",
					"Telnet を無効にし、SSH など暗号化された方法に切り替えてください。"), "tcp", 23, 23, Set.of("telnet")),
			new Rule(
					new Risk("リモートデスクトップ（RDP）", Severity.HIGH, "ランサムウェアの侵入と院内での横展開に最もよく使われる経路です。",
							"不要なら無効にしてください。必要な場合も接続元を管理用の端末に限り、ネットワークレベル認証（NLA）・多要素認証・アカウントロックアウトを設定してください。"),
					"tcp", 3389, 3389, Set.of("ms-wbt-server", "ms-term-serv", "rdp")),
			new Rule(
					new Risk("VNC（画面共有）", Severity.HIGH, "パスワードだけで画面を操作でき、通信が暗号化されないことも多い遠隔操作です。",
							"使っていなければ停止してください。保守で使う場合は接続元を限定し、使う時だけ起動してください。"),
					"tcp", 5900, 5910, Set.of("realvnc", "vnc*")),
			new Rule(
					new Risk("ファイル共有（SMB）", Severity.MEDIUM, "ランサムウェアが院内の他の機器へ広がるときに使われ、古い SMBv1 には遠隔から乗っ取れる脆弱性があります。",
							"共有の不要な機器では無効にし、SMBv1 を止め、Windows ファイアウォールで接続元を必要な機器に限定してください。"),
					"tcp", 139, 139, Set.of("netbios-ssn")),
			new Rule(
					new Risk("ファイル共有（SMB）", Severity.MEDIUM, "ランサムウェアが院内の他の機器へ広がるときに使われ、古い SMBv1 には遠隔から乗っ取れる脆弱性があります。",
							"共有の不要な機器では無効にし、SMBv1 を止め、Windows ファイアウォールで接続元を必要な機器に限定してください。"),
					"tcp", 445, 445, Set.of("microsoft-ds")),
			new Rule(new Risk("FTP", Severity.MEDIUM, "ID・パスワードとファイルが暗号化されずに流れます。",
					"使っていなければ停止し、必要なら SFTP か FTPS に切り替えてください。"), "tcp", 21, 21, Set.of("ftp")),
			new Rule(database("SQL Server"), "tcp", 1433, 1433, Set.of("ms-sql-s")),
			new Rule(database("Oracle"), "tcp", 1521, 1521, Set.of("oracle-tns", "oracle")),
			new Rule(database("MySQL"), "tcp", 3306, 3306, Set.of("mysql")),
			new Rule(database("PostgreSQL"), "tcp", 5432, 5432, Set.of("postgresql")),
			new Rule(database("MongoDB"), "tcp", 27017, 27017, Set.of("mongodb", "mongod")),
			new Rule(
					new Risk("AJP（Tomcat）", Severity.HIGH,
							"Tomcat の AJP コネクタは Ghostcat（CVE-2020-1938）でファイルの読み出しや乗っ取りに使われました。",
							"Tomcat の server.xml で AJP コネクタを無効にするか、127.0.0.1 だけで待ち受けて secret を設定してください。"),
					"tcp", 8009, 8009, Set.of("ajp13", "ajp")),
			new Rule(new Risk("rsh／rlogin／rexec", Severity.HIGH, "認証が弱く通信も暗号化されない、古い遠隔操作の仕組みです。",
					"停止して SSH に切り替えてください。"), "tcp", 512, 514, Set.of("rsh", "rlogin", "rexec")),
			new Rule(
					new Risk("SNMP", Severity.MEDIUM, "既定のコミュニティ名（public など）で機器の設定や情報を読み取られることがあります。",
							"不要なら無効にし、必要なら SNMPv3 にして、既定のコミュニティ名を変え、接続元を監視用の機器に限定してください。"),
					"udp", 161, 161, Set.of("snmp")));

	/**
	 * Protocol sections of {@code ssl-enum-ciphers} (" TLSv1.0: ") and sslv2's verdict.
	 */
	private static final Pattern OLD_PROTOCOL = Pattern.compile("(?m)^\\s*(SSLv2|SSLv3|TLSv1\\.0)\\s*:");

	private static final Risk OLD_TLS = new Risk("古い SSL/TLS", Severity.MEDIUM,
			"破られている古い暗号化方式（SSLv3 や TLS 1.0）で接続できます。", "サーバの設定で TLS 1.2 以上だけを有効にし、SSLv3・TLS 1.0・TLS 1.1 を無効にしてください。");

	private RiskyServices() {
	}

	private static Risk database(String product) {
		return new Risk("データベース（" + product + "）", Severity.MEDIUM, "データベースに直接接続できます。患者情報の持ち出しや、弱いパスワードを狙った侵入の入口になります。",
				"アプリケーションサーバなど接続が必要な機器からだけつながるよう、ファイアウォールで接続元を限定してください。");
	}

	/** The risky kind this open port is, or empty. */
	public static java.util.Optional<Risk> of(ScannedPort port) {
		if (!port.isOpen()) {
			return java.util.Optional.empty();
		}
		return RULES.stream().filter(r -> r.matches(port)).map(Rule::risk).findFirst();
	}

	/**
	 * The broken SSL/TLS versions a script saw on this port ({@code SSLv3},
	 * {@code TLSv1.0}), empty when none or when no TLS script ran.
	 */
	public static List<String> oldProtocols(ScannedPort port) {
		List<String> found = new ArrayList<>();
		if (!port.isOpen()) {
			return found;
		}
		String ciphers = port.scripts().get("ssl-enum-ciphers");
		if (ciphers != null) {
			Matcher m = OLD_PROTOCOL.matcher(ciphers);
			while (m.find()) {
				if (!found.contains(m.group(1))) {
					found.add(m.group(1));
				}
			}
		}
		String sslv2 = port.scripts().get("sslv2");
		if (sslv2 != null && sslv2.contains("SSLv2 supported") && !found.contains("SSLv2")) {
			found.add(0, "SSLv2");
		}
		return found;
	}

	/** How an open broken SSL/TLS version is explained. */
	public static Risk oldTls() {
		return OLD_TLS;
	}

}
