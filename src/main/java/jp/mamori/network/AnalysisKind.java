package jp.mamori.network;

import java.util.Arrays;
import java.util.Optional;

/** What an uploaded network file is: a device configuration or an nmap scan. */
public enum AnalysisKind {

	/** A router or firewall configuration (2-⑬). */
	CONFIG("config"),
	/** An nmap XML scan compared with the device ledger (2-①). */
	SCAN("scan");

	private final String code;

	AnalysisKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<AnalysisKind> fromCode(String code) {
		return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
	}

}
