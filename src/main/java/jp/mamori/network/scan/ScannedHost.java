package jp.mamori.network.scan;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host of a scan.
 *
 * @param state {@code up} or {@code down} (also {@code unknown} when the file did not
 * say)
 * @param addresses its IPv4, IPv6 and MAC addresses
 * @param hostnames its names: the one typed on the command line ({@code user}) and the
 * reverse-DNS name ({@code PTR}), without repeats
 * @param osGuesses nmap's OS guesses, best first as nmap wrote them
 * @param ports the ports nmap listed (open ones and those it found worth listing;
 * {@code extraports} summaries are not expanded)
 * @param scripts host-level script outputs by script id
 */
public record ScannedHost(String state, List<HostAddress> addresses, List<String> hostnames, List<OsGuess> osGuesses,
		List<ScannedPort> ports, Map<String, String> scripts) {

	public ScannedHost {
		addresses = List.copyOf(addresses);
		hostnames = List.copyOf(hostnames);
		osGuesses = List.copyOf(osGuesses);
		ports = List.copyOf(ports);
		scripts = Map.copyOf(scripts);
	}

	public boolean isUp() {
		return "up".equals(state);
	}

	/** The IP addresses (IPv4 first as nmap lists them, then IPv6). */
	public List<String> ipAddresses() {
		return addresses.stream().filter(a -> !a.isMac()).map(HostAddress::address).toList();
	}

	/** The address to show: the first IPv4, else the first IPv6, else the MAC. */
	public String address() {
		return addresses.stream()
			.filter(a -> "ipv4".equals(a.type()))
			.findFirst()
			.or(() -> addresses.stream().filter(a -> !a.isMac()).findFirst())
			.or(() -> addresses.stream().findFirst())
			.map(HostAddress::address)
			.orElse(null);
	}

	/** The MAC address (nmap sees it only on the local segment). */
	public Optional<HostAddress> mac() {
		return addresses.stream().filter(HostAddress::isMac).findFirst();
	}

	/** The first name, or null. */
	public String hostname() {
		return hostnames.isEmpty() ? null : hostnames.get(0);
	}

	/**
	 * The most likely OS (highest accuracy, the earlier one on a tie), or empty when nmap
	 * did not guess.
	 */
	public Optional<OsGuess> os() {
		// max keeps the earlier of equal elements: nmap lists its guesses best first
		return osGuesses.stream().max(Comparator.comparingInt(OsGuess::accuracy));
	}

	public List<ScannedPort> openPorts() {
		return ports.stream().filter(ScannedPort::isOpen).toList();
	}

}
