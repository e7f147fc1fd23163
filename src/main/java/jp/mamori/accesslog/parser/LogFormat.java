package jp.mamori.accesslog.parser;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The log formats Mamori reads. {@link #id()} is the name used on the command line
 * ({@code --format rtx}) and in JSON; these ids are a contract.
 */
public enum LogFormat {

	EVTX("evtx", "Windowsイベントログ (EVTX)"), WINDOWS_CSV("wincsv", "イベントビューアー CSV"),
	WINDOWS_XML("winxml", "イベントビューアー / wevtutil XML"), LINUX("linux", "Linux auth/secure・syslog"),
	FORTIGATE("fortigate", "FortiGate syslog"), ASA("asa", "Cisco ASA syslog"), RTX("rtx", "YAMAHA RTX syslog"),
	WINDOWS_FIREWALL("winfw", "Windowsファイアウォールログ"), IIS("iis", "IIS W3C拡張ログ"), CLF("clf", "Apache/Nginx/Tomcat アクセスログ"),
	ERROR_LOG("errorlog", "Webサーバのエラーログ");

	private final String id;

	private final String label;

	LogFormat(String id, String label) {
		this.id = id;
		this.label = label;
	}

	public String id() {
		return id;
	}

	/** The Japanese name shown to users. */
	public String label() {
		return label;
	}

	/** The format with this id (case-insensitive), if any. */
	public static Optional<LogFormat> ofId(String id) {
		if (id == null) {
			return Optional.empty();
		}
		String wanted = id.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
	}

}
