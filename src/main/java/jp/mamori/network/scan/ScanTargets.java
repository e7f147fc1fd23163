package jp.mamori.network.scan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a scan covered: the targets on nmap's command line ({@code 192.168.1.0/24},
 * {@code 192.168.1.1-254}, {@code 10.0.0,1.*}, names, IPv6 literals) minus
 * {@code --exclude}, plus every host the file lists (up or down). A ledger device is only
 * "not seen" when its address lies inside this; a device outside was never asked.
 *
 * <p>
 * nmap's target syntax is read here by hand because no Java library knows it. Names on
 * the command line are never resolved (the analysis is offline): a name counts as
 * covered, and so do the addresses the file shows for it. Targets from a list file
 * ({@code -iL}) are not readable from the XML; then only the hosts in the file count, and
 * a note says so.
 */
public final class ScanTargets {

	/**
	 * nmap options followed by a separate value, which must not be mistaken for targets.
	 */
	private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-p", "-e", "-S", "-D", "-g", "-b", "-T", "-M", "-m",
			"-iL", "-iR", "-oN", "-oX", "-oS", "-oG", "-oA", "-oM", "-oH", "-sI", "--script", "--script-args",
			"--script-args-file", "--script-timeout", "--exclude", "--excludefile", "--exclude-ports", "--source-port",
			"--data", "--data-string", "--data-length", "--ttl", "--spoof-mac", "--proxies", "--proxy", "--dns-servers",
			"--max-retries", "--host-timeout", "--scan-delay", "--max-scan-delay", "--min-rate", "--max-rate",
			"--min-hostgroup", "--max-hostgroup", "--min-parallelism", "--max-parallelism", "--min-rtt-timeout",
			"--max-rtt-timeout", "--initial-rtt-timeout", "--top-ports", "--port-ratio", "--version-intensity",
			"--stylesheet", "--datadir", "--servicedb", "--versiondb", "--mtu", "--resume", "--ip-options",
			"--stats-every", "--max-os-tries");

	private final List<Range> included;

	private final List<Range> excluded;

	private final Set<String> names;

	private final Set<String> listedAddresses;

	private final List<String> targets;

	private final List<String> notes;

	private ScanTargets(List<Range> included, List<Range> excluded, Set<String> names, Set<String> listedAddresses,
			List<String> targets, List<String> notes) {
		this.included = List.copyOf(included);
		this.excluded = List.copyOf(excluded);
		this.names = Set.copyOf(names);
		this.listedAddresses = Set.copyOf(listedAddresses);
		this.targets = List.copyOf(targets);
		this.notes = List.copyOf(notes);
	}

	/** The targets of one scan. */
	public static ScanTargets of(NmapScan scan) {
		return of(List.of(scan));
	}

	/** The targets of several scans together. */
	public static ScanTargets of(List<NmapScan> scans) {
		List<Range> included = new ArrayList<>();
		List<Range> excluded = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		Set<String> listed = new LinkedHashSet<>();
		List<String> targets = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (NmapScan scan : scans) {
			for (ScannedHost host : scan.hosts()) {
				host.ipAddresses().forEach(a -> Addresses.ip(a).ifPresent(listed::add));
			}
			readArguments(scan, included, excluded, names, targets, notes);
		}
		return new ScanTargets(included, excluded, names, listed, targets, notes);
	}

	private static void readArguments(NmapScan scan, List<Range> included, List<Range> excluded, Set<String> names,
			List<String> targets, List<String> notes) {
		if (scan.args() == null || scan.args().isBlank()) {
			notes.add(scan.file() + ": nmap のコマンドラインが記録されていないため、スキャン範囲はファイルに現れたホストだけで判断しました");
			return;
		}
		String[] tokens = scan.args().strip().split("\\s+");
		int i = programEnd(tokens);
		boolean fromList = false;
		for (; i < tokens.length; i++) {
			String token = tokens[i];
			if (token.startsWith("-")) {
				if (token.contains("=") || !OPTIONS_WITH_VALUE.contains(token)) {
					if (token.startsWith("--exclude=")) {
						exclusions(token.substring("--exclude=".length()), excluded);
					}
					continue;
				}
				String value = i + 1 < tokens.length ? tokens[++i] : "";
				if (token.equals("-iL") || token.equals("-iR")) {
					fromList = true;
				}
				else if (token.equals("--exclude")) {
					exclusions(value, excluded);
				}
				else if (token.equals("--excludefile")) {
					notes.add(scan.file() + ": 除外ファイル（--excludefile " + value + "）の中身は XML に記録されないため考慮していません");
				}
				continue;
			}
			targets.add(token);
			Range range = Range.parse(token);
			if (range != null) {
				included.add(range);
			}
			else if (looksLikeName(token)) {
				names.add(token.toLowerCase(Locale.ROOT));
				int slash = token.indexOf('/');
				if (slash > 0) {
					// name/24: the network around the address the file shows for the name
					String name = token.substring(0, slash);
					names.add(name.toLowerCase(Locale.ROOT));
					nameNetwork(scan, name, token.substring(slash + 1), included, notes);
				}
			}
			else {
				notes.add(scan.file() + ": スキャン対象「" + token + "」は読み取れないため範囲に含めていません");
			}
		}
		if (fromList) {
			notes.add(scan.file() + ": 対象をファイル（-iL）や乱数（-iR）で指定したスキャンのため、スキャン範囲はファイルに現れたホストだけで判断しました");
		}
	}

	/**
	 * The first token after nmap's own path ({@code nmap},
	 * {@code C:&#92;…&#92;nmap.exe}).
	 */
	private static int programEnd(String[] tokens) {
		for (int i = 0; i < tokens.length; i++) {
			String lower = tokens[i].toLowerCase(Locale.ROOT).replace("\"", "");
			if (lower.endsWith("nmap") || lower.endsWith("nmap.exe")) {
				return i + 1;
			}
			if (lower.startsWith("-")) {
				return i;
			}
		}
		return Math.min(1, tokens.length);
	}

	private static void exclusions(String value, List<Range> excluded) {
		for (String part : value.split(",")) {
			Range range = Range.parse(part.strip());
			if (range != null) {
				excluded.add(range);
			}
		}
	}

	private static void nameNetwork(NmapScan scan, String name, String bits, List<Range> included, List<String> notes) {
		String wanted = name.toLowerCase(Locale.ROOT);
		for (ScannedHost host : scan.hosts()) {
			boolean named = host.hostnames().stream().anyMatch(h -> h.equalsIgnoreCase(wanted));
			long v4 = named ? Addresses.ipv4(host.address()) : -1;
			if (v4 >= 0) {
				Range range = Range.parse(Addresses.ipv4Text(v4) + "/" + bits);
				if (range != null) {
					included.add(range);
					return;
				}
			}
		}
		notes.add(scan.file() + ": スキャン対象「" + name + "/" + bits + "」はアドレスが分からないため範囲に含めていません");
	}

	private static boolean looksLikeName(String token) {
		return token.matches("[A-Za-z0-9][A-Za-z0-9.\\-_]*(/\\d{1,2})?") && token.chars().anyMatch(Character::isLetter);
	}

	/**
	 * True when the address was inside what the scan asked for (or the file lists it),
	 * and not excluded.
	 */
	public boolean covers(String address) {
		String ip = Addresses.ip(address).orElse(null);
		if (ip == null) {
			return false;
		}
		if (listedAddresses.contains(ip)) {
			return true;
		}
		boolean in = included.stream().anyMatch(r -> r.contains(ip));
		return in && excluded.stream().noneMatch(r -> r.contains(ip));
	}

	/**
	 * True when the scan named this host on its command line (compared without domain).
	 */
	public boolean coversName(String hostname) {
		String wanted = Addresses.hostname(hostname).orElse(null);
		return wanted != null && names.stream().anyMatch(n -> Addresses.hostname(n).filter(wanted::equals).isPresent());
	}

	/** The targets as written on the command line. */
	public List<String> targets() {
		return targets;
	}

	/** What a person should know about how the range was decided, in Japanese. */
	public List<String> notes() {
		return notes;
	}

	/** One target: either IPv4 octet sets (ranges, lists, CIDR) or one IPv6 network. */
	private interface Range {

		boolean contains(String normalizedIp);

		static Range parse(String token) {
			if (token == null || token.isEmpty()) {
				return null;
			}
			if (token.indexOf(':') >= 0) {
				return Ipv6Range.parse(token);
			}
			return Ipv4Range.parse(token);
		}

	}

	/** nmap's IPv4 target: each octet a list of numbers and ranges, or a CIDR block. */
	private record Ipv4Range(long network, long mask, List<boolean[]> octets) implements Range {

		static Ipv4Range parse(String token) {
			String address = token;
			int bits = 32;
			int slash = token.indexOf('/');
			if (slash >= 0) {
				try {
					bits = Integer.parseInt(token.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					return null;
				}
				if (bits < 0 || bits > 32) {
					return null;
				}
				address = token.substring(0, slash);
			}
			String[] parts = address.split("\\.", -1);
			if (parts.length != 4) {
				return null;
			}
			if (slash >= 0) {
				long value = Addresses.ipv4(address);
				if (value < 0) {
					return null;
				}
				long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
				return new Ipv4Range(value & mask, mask, null);
			}
			List<boolean[]> octets = new ArrayList<>();
			for (String part : parts) {
				boolean[] allowed = octet(part);
				if (allowed == null) {
					return null;
				}
				octets.add(allowed);
			}
			return new Ipv4Range(0, 0, octets);
		}

		/** {@code 1-254}, {@code 0,5,10-12}, {@code *}, {@code -100}, {@code 200-}. */
		private static boolean[] octet(String part) {
			if (part.isEmpty()) {
				return null;
			}
			boolean[] allowed = new boolean[256];
			for (String piece : part.split(",", -1)) {
				if (piece.equals("*")) {
					java.util.Arrays.fill(allowed, true);
					continue;
				}
				int dash = piece.indexOf('-');
				try {
					if (dash < 0) {
						int n = Integer.parseInt(piece);
						if (n < 0 || n > 255) {
							return null;
						}
						allowed[n] = true;
					}
					else {
						int from = dash == 0 ? 0 : Integer.parseInt(piece.substring(0, dash));
						int to = dash == piece.length() - 1 ? 255 : Integer.parseInt(piece.substring(dash + 1));
						if (from < 0 || to > 255 || from > to) {
							return null;
						}
						for (int n = from; n <= to; n++) {
							allowed[n] = true;
						}
					}
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
			return allowed;
		}

		@Override
		public boolean contains(String normalizedIp) {
			long value = Addresses.ipv4(normalizedIp);
			if (value < 0) {
				return false;
			}
			if (octets == null) {
				return (value & mask) == network;
			}
			for (int i = 0; i < 4; i++) {
				int octet = (int) ((value >> (24 - 8 * i)) & 0xFF);
				if (!octets.get(i)[octet]) {
					return false;
				}
			}
			return true;
		}

	}

	/** An IPv6 literal or network ({@code 2001:db8::/64}). */
	private record Ipv6Range(java.math.BigInteger network, int bits) implements Range {

		static Ipv6Range parse(String token) {
			int slash = token.indexOf('/');
			int bits = 128;
			String address = token;
			if (slash >= 0) {
				try {
					bits = Integer.parseInt(token.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					return null;
				}
				address = token.substring(0, slash);
			}
			java.math.BigInteger value = value(address);
			if (value == null || bits < 0 || bits > 128) {
				return null;
			}
			return new Ipv6Range(value.shiftRight(128 - bits), bits);
		}

		private static java.math.BigInteger value(String address) {
			String ip = Addresses.ip(address).orElse(null);
			if (ip == null || ip.indexOf(':') < 0) {
				return null;
			}
			try {
				byte[] bytes = java.net.InetAddress.getByName(ip).getAddress();
				return bytes.length == 16 ? new java.math.BigInteger(1, bytes) : null;
			}
			catch (java.net.UnknownHostException ex) {
				return null;
			}
		}

		@Override
		public boolean contains(String normalizedIp) {
			java.math.BigInteger value = value(normalizedIp);
			return value != null && value.shiftRight(128 - bits).equals(network);
		}

	}

}
