package jp.mamori.network.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The configuration dialects we read; {@link #id()} is used on the command line and in
 * JSON.
 */
public enum Vendor {

	RTX("rtx", "YAMAHA RTX"), FORTIGATE("fortigate", "FortiGate"), IOS("ios", "Cisco IOS"), ASA("asa", "Cisco ASA"),
	IPTABLES("iptables", "Linux iptables"), PFSENSE("pfsense", "pfSense"),
	/** Nothing recognisable: the file is reported with a note, never analysed. */
	UNKNOWN("unknown", "不明");

	private final String id;

	private final String label;

	Vendor(String id, String label) {
		this.id = id;
		this.label = label;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	/** The vendor with this id, if any ({@code unknown} is not a choice). */
	public static Optional<Vendor> ofId(String id) {
		String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(v -> v != UNKNOWN && v.id.equals(wanted)).findFirst();
	}

}
