package jp.mamori.network.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one nmap XML file holds.
 *
 * @param file the file name, as given
 * @param scannerVersion the nmap version ({@code 7.94}), or null
 * @param args the command line nmap was started with, or null
 * @param start when the scan started, or null
 * @param protocols the scanned protocols from {@code scaninfo} ({@code tcp}, {@code udp})
 * @param hosts the hosts listed, in file order
 * @param truncated true when the file ends early (nmap was stopped, or the copy is
 * incomplete); the hosts read up to that point are kept
 * @param skipped host entries that could not be used (no address)
 * @param notes what a person should know about the reading, in Japanese
 */
public record NmapScan(String file, String scannerVersion, String args, Instant start, List<String> protocols,
		List<ScannedHost> hosts, boolean truncated, int skipped, List<String> notes) {

	public NmapScan {
		protocols = List.copyOf(protocols);
		hosts = List.copyOf(hosts);
		notes = List.copyOf(notes);
	}

	public List<ScannedHost> upHosts() {
		return hosts.stream().filter(ScannedHost::isUp).toList();
	}

	public int openPortCount() {
		return upHosts().stream().mapToInt(h -> h.openPorts().size()).sum();
	}

	/**
	 * Every open service of every host that is up, with product, version and CPEs as far
	 * as nmap identified them.
	 */
	public List<DiscoveredService> services() {
		List<DiscoveredService> services = new ArrayList<>();
		for (ScannedHost host : upHosts()) {
			for (ScannedPort port : host.openPorts()) {
				services.add(new DiscoveredService(host.address(), host.hostname(), port.port(), port.protocol(),
						port.service(), port.product(), port.version(), port.extraInfo(), port.cpes()));
			}
		}
		return services;
	}

}
