package jp.mamori.network.config;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Port names as the vendors write them (YAMAHA {@code www}/{@code netbios_ssn}, Cisco
 * {@code ftp-data}/{@code sqlnet}, {@code /etc/services} names in iptables), and the
 * ports that must not be reachable from the internet. A small fixed table rather than the
 * platform's {@code /etc/services}: the analysis must give the same answer on every PC.
 */
final class Ports {

	private static final Map<String, Integer> NAMES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	/** Ports whose exposure to the internet is a finding, with what they are. */
	static final Map<Integer, String> RISKY = new TreeMap<>();

	static {
		Object[][] names = { { "ftpdata", 20 }, { "ftp-data", 20 }, { "ftp", 21 }, { "ssh", 22 }, { "telnet", 23 },
				{ "smtp", 25 }, { "domain", 53 }, { "dns", 53 }, { "bootps", 67 }, { "bootpc", 68 }, { "tftp", 69 },
				{ "www", 80 }, { "http", 80 }, { "pop3", 110 }, { "sunrpc", 111 }, { "ident", 113 }, { "auth", 113 },
				{ "nntp", 119 }, { "ntp", 123 }, { "epmap", 135 }, { "msrpc", 135 }, { "netbios_ns", 137 },
				{ "netbios-ns", 137 }, { "netbios_dgm", 138 }, { "netbios-dgm", 138 }, { "netbios_ssn", 139 },
				{ "netbios-ssn", 139 }, { "imap", 143 }, { "imap4", 143 }, { "snmp", 161 }, { "snmptrap", 162 },
				{ "snmp-trap", 162 }, { "bgp", 179 }, { "ldap", 389 }, { "https", 443 }, { "microsoft-ds", 445 },
				{ "smb", 445 }, { "isakmp", 500 }, { "exec", 512 }, { "login", 513 }, { "cmd", 514 }, { "syslog", 514 },
				{ "submission", 587 }, { "ldaps", 636 }, { "imaps", 993 }, { "pop3s", 995 }, { "ms-sql-s", 1433 },
				{ "ms-sql", 1433 }, { "sqlnet", 1521 }, { "oracle", 1521 }, { "l2tp", 1701 }, { "pptp", 1723 },
				{ "mysql", 3306 }, { "ms-wbt-server", 3389 }, { "rdp", 3389 }, { "ipsec-nat-t", 4500 },
				{ "postgresql", 5432 }, { "postgres", 5432 }, { "vnc", 5900 }, { "http-alt", 8080 },
				{ "webcache", 8080 }, { "https-alt", 8443 } };
		for (Object[] entry : names) {
			NAMES.put((String) entry[0], (Integer) entry[1]);
		}
		RISKY.put(21, "FTP");
		RISKY.put(22, "SSH");
		RISKY.put(23, "Telnet");
		RISKY.put(69, "TFTP");
		RISKY.put(135, "Windows RPC");
		RISKY.put(139, "NetBIOS (ファイル共有)");
		RISKY.put(161, "SNMP");
		RISKY.put(445, "SMB (ファイル共有)");
		RISKY.put(1433, "SQL Server");
		RISKY.put(1521, "Oracle");
		RISKY.put(3306, "MySQL");
		RISKY.put(3389, "リモートデスクトップ (RDP)");
		RISKY.put(5432, "PostgreSQL");
		RISKY.put(5900, "VNC");
		RISKY.put(5901, "VNC");
		RISKY.put(8080, "Web管理画面 (8080)");
		RISKY.put(8443, "Web管理画面 (8443)");
	}

	private Ports() {
	}

	/** The port a number or name stands for. */
	static OptionalInt of(String token) {
		if (token == null || token.isBlank()) {
			return OptionalInt.empty();
		}
		String t = token.trim();
		if (t.chars().allMatch(Character::isDigit) && t.length() <= 5) {
			int port = Integer.parseInt(t);
			return port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
		}
		Integer named = NAMES.get(t.toLowerCase(Locale.ROOT));
		return named == null ? OptionalInt.empty() : OptionalInt.of(named);
	}

	/**
	 * The risky ports a service matches, over TCP or UDP alike: a forward of
	 * {@code tcp tftp} is as much a mistake as one of {@code udp tftp}.
	 */
	static Map<Integer, String> riskyIn(Service service) {
		Map<Integer, String> found = new TreeMap<>();
		for (Map.Entry<Integer, String> risky : RISKY.entrySet()) {
			int port = risky.getKey();
			if (service.covers("tcp", port) || service.covers("udp", port)) {
				found.put(port, risky.getValue());
			}
		}
		return found;
	}

}
