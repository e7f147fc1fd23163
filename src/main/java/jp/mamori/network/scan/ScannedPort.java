package jp.mamori.network.scan;

import java.util.List;
import java.util.Map;

/**
 * One port of a scanned host as nmap reported it.
 *
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 * @param port the port number
 * @param state {@code open}, {@code closed}, {@code filtered}, {@code open|filtered} …
 * @param service nmap's service name ({@code ssh}, {@code ms-wbt-server}), may be null
 * @param product the product from version detection ({@code OpenSSH}), may be null
 * @param version its version ({@code 5.3}), may be null
 * @param extraInfo nmap's extra information ({@code protocol 2.0}), may be null
 * @param tunnel {@code ssl} when the service runs inside TLS, else null
 * @param method {@code probed} when the service was identified by talking to it,
 * {@code table} when it is only the usual name for the port number
 * @param cpes the CPE names of the service ({@code cpe:/a:openbsd:openssh:5.3})
 * @param scripts script outputs by script id ({@code ssl-enum-ciphers})
 */
public record ScannedPort(String protocol, int port, String state, String service, String product, String version,
		String extraInfo, String tunnel, String method, List<String> cpes, Map<String, String> scripts) {

	public ScannedPort {
		cpes = List.copyOf(cpes);
		scripts = Map.copyOf(scripts);
	}

	public boolean isOpen() {
		return "open".equals(state);
	}

	/** True when nmap talked to the service rather than guessing from the port number. */
	public boolean probed() {
		return "probed".equals(method);
	}

}
