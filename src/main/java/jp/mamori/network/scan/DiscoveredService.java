package jp.mamori.network.scan;

import java.util.List;

/**
 * A service a scan found open, named as precisely as nmap could: the input for matching
 * against end-of-life and known-exploited data (vendor, product and version, or the
 * CPEs).
 *
 * @param address the host's IP address
 * @param hostname the host's name, or null
 * @param port the port number
 * @param protocol {@code tcp} or {@code udp}
 * @param service nmap's service name
 * @param product the product ({@code Apache httpd}), or null
 * @param version its version ({@code 2.2.15}), or null
 * @param extraInfo more detail ({@code (CentOS) PHP/5.3.3}), or null
 * @param cpes CPE names ({@code cpe:/a:apache:http_server:2.2.15})
 */
public record DiscoveredService(String address, String hostname, int port, String protocol, String service,
		String product, String version, String extraInfo, List<String> cpes) {

	public DiscoveredService {
		cpes = List.copyOf(cpes);
	}

}
