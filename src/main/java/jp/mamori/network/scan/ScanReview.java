package jp.mamori.network.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.mamori.shared.Severity;

/**
 * Compares one or more scans with the device ledger and looks at what is open: the use
 * case behind {@code mamori analyze scan}. Findings:
 * <ul>
 * <li>{@code unregistered-device} — a host answered that no ledger row is (matched by
 * {@link DeviceMatcher}), or whose ledger row says it was retired;</li>
 * <li>{@code ledger-device-not-seen} — a ledger device that is not retired, with an
 * address inside what the scans covered ({@link ScanTargets}), did not answer;</li>
 * <li>{@code risky-service} — a service of {@link RiskyServices} is open, or a TLS script
 * saw SSLv3/TLS 1.0.</li>
 * </ul>
 * Without a ledger only {@code risky-service} is looked for. A host found by several
 * scans is one host: its ports are joined.
 */
public final class ScanReview {

	/**
	 * A host that answered, and the ledger device it is.
	 *
	 * @param host the host (joined over all scans that saw it)
	 * @param match the ledger device, or null when none (or no ledger was given)
	 */
	public record ReviewedHost(ScannedHost host, DeviceMatcher.Match match) {

		public Optional<DeviceMatcher.Match> device() {
			return Optional.ofNullable(match);
		}

	}

	/**
	 * The outcome.
	 *
	 * @param hosts the hosts that answered, in the order first seen
	 * @param findings the findings, most urgent first
	 * @param targets the targets the scans named, as written
	 * @param ledgerCompared whether a ledger was given
	 * @param notes how the comparison was done where a person should know, in Japanese
	 */
	public record Result(List<ReviewedHost> hosts, List<ScanFinding> findings, List<String> targets,
			boolean ledgerCompared, List<String> notes) {

		public Result {
			hosts = List.copyOf(hosts);
			findings = List.copyOf(findings);
			targets = List.copyOf(targets);
			notes = List.copyOf(notes);
		}

		public List<ScanFinding> findings(String id) {
			return findings.stream().filter(f -> f.id().equals(id)).toList();
		}

		/**
		 * Every open service of the hosts that answered (one entry per host and port over
		 * all scans), for end-of-life and known-exploited matching.
		 */
		public List<DiscoveredService> services() {
			List<DiscoveredService> services = new ArrayList<>();
			for (ReviewedHost reviewed : hosts) {
				ScannedHost host = reviewed.host();
				for (ScannedPort port : host.openPorts()) {
					services.add(new DiscoveredService(host.address(), host.hostname(), port.port(), port.protocol(),
							port.service(), port.product(), port.version(), port.extraInfo(), port.cpes()));
				}
			}
			return services;
		}

	}

	private ScanReview() {
	}

	/**
	 * Reviews the scans.
	 * @param scans the scans, read by {@link NmapXmlReader}
	 * @param ledger the device ledger, or null when there is none to compare with
	 */
	public static Result review(List<NmapScan> scans, List<LedgerDevice> ledger) {
		List<ScannedHost> hosts = joinedUpHosts(scans);
		List<String> notes = new ArrayList<>();
		DeviceMatcher matcher = ledger == null ? null : new DeviceMatcher(ledger);
		if (matcher != null) {
			notes.addAll(matcher.notes());
		}
		List<ReviewedHost> reviewed = new ArrayList<>();
		List<ScanFinding> findings = new ArrayList<>();
		Set<LedgerDevice> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (ScannedHost host : hosts) {
			DeviceMatcher.Match match = matcher == null ? null : matcher.match(host).orElse(null);
			reviewed.add(new ReviewedHost(host, match));
			String device = match == null ? null : match.device().label();
			if (match != null) {
				seen.add(match.device());
			}
			findings.addAll(riskyServices(host, device));
			// a loopback target is the scanning PC itself, not a device on the network
			if (matcher != null && (match == null || match.device().isRetired()) && !loopback(host)) {
				findings.add(unregistered(host, match));
			}
		}
		ScanTargets targets = ScanTargets.of(scans);
		notes.addAll(targets.notes());
		if (ledger != null) {
			for (LedgerDevice device : ledger) {
				if (!device.isRetired() && !seen.contains(device)) {
					notSeen(device, targets, reviewed).ifPresent(findings::add);
				}
			}
		}
		// most urgent first; the order within a severity stays as found
		findings.sort(Comparator.comparing(ScanFinding::severity));
		return new Result(reviewed, findings, targets.targets(), ledger != null, notes);
	}

	/** Up hosts of all scans, one per address, ports of later scans added to earlier. */
	static List<ScannedHost> joinedUpHosts(List<NmapScan> scans) {
		Map<String, ScannedHost> byAddress = new LinkedHashMap<>();
		for (NmapScan scan : scans) {
			for (ScannedHost host : scan.upHosts()) {
				String key = Addresses.ip(host.address()).orElse(host.address());
				byAddress.merge(key, host, ScanReview::join);
			}
		}
		return List.copyOf(byAddress.values());
	}

	private static ScannedHost join(ScannedHost first, ScannedHost later) {
		Map<String, ScannedPort> ports = new LinkedHashMap<>();
		for (ScannedPort port : first.ports()) {
			ports.put(port.protocol() + "/" + port.port(), port);
		}
		for (ScannedPort port : later.ports()) {
			// an open port found later wins over the same port seen closed or
			// unidentified
			ports.merge(port.protocol() + "/" + port.port(), port,
					(a, b) -> (!a.isOpen() && b.isOpen()) || (a.product() == null && b.product() != null) ? b : a);
		}
		Set<HostAddress> addresses = new LinkedHashSet<>(first.addresses());
		addresses.addAll(later.addresses());
		Set<String> names = new LinkedHashSet<>(first.hostnames());
		names.addAll(later.hostnames());
		Map<String, String> scripts = new LinkedHashMap<>(later.scripts());
		scripts.putAll(first.scripts());
		return new ScannedHost("up", List.copyOf(addresses), List.copyOf(names),
				first.osGuesses().isEmpty() ? later.osGuesses() : first.osGuesses(), List.copyOf(ports.values()),
				scripts);
	}

	private static List<ScanFinding> riskyServices(ScannedHost host, String device) {
		List<ScanFinding> findings = new ArrayList<>();
		String where = where(host);
		String mac = host.mac().map(HostAddress::address).orElse(null);
		for (ScannedPort port : host.openPorts()) {
			String what = port.protocol() + "/" + port.port() + describe(port);
			RiskyServices.of(port)
				.ifPresent(risk -> findings
					.add(new ScanFinding(ScanFinding.RISKY_SERVICE, risk.severity(), host.address(), host.hostname(),
							mac, port.port(), port.protocol(), port.service(), port.product(), port.version(), device,
							where + "で" + risk.label() + "が開いています（" + what + "）。" + risk.why(), risk.fix())));
			List<String> old = RiskyServices.oldProtocols(port);
			if (!old.isEmpty()) {
				RiskyServices.Risk risk = RiskyServices.oldTls();
				findings.add(new ScanFinding(ScanFinding.RISKY_SERVICE, risk.severity(), host.address(),
						host.hostname(), mac, port.port(), port.protocol(), port.service(), port.product(),
						port.version(), device,
						where + "の " + what + " が " + String.join("・", old) + " で接続を受け付けます。" + risk.why(), risk.fix()));
			}
		}
		return findings;
	}

	private static ScanFinding unregistered(ScannedHost host, DeviceMatcher.Match retired) {
		String mac = host.mac().map(HostAddress::address).orElse(null);
		String ports = host.openPorts()
			.stream()
			.map(p -> p.port() + (p.service() == null ? "" : " " + p.service()))
			.collect(Collectors.joining(", "));
		String summary;
		String fix;
		if (retired != null) {
			summary = where(host) + "が応答しましたが、台帳ではこの機器（" + retired.device().label() + "、" + by(retired.by())
					+ "で一致）は「廃棄・撤去」になっています。";
			fix = "まだ使っている機器なら台帳の状態を「稼働中」に戻し、撤去したはずの機器ならネットワークから外してください。";
		}
		else {
			summary = "機器台帳にない機器が応答しました: " + where(host) + "。";
			fix = "どの機器かを確かめ、院内の機器なら機器台帳に登録してください。心当たりがなければ、持ち込まれた機器や不正な接続の可能性があるのでネットワークから外して調べてください。";
		}
		if (!ports.isEmpty()) {
			summary += "開いているポート: " + ports + "。";
		}
		return new ScanFinding(ScanFinding.UNREGISTERED_DEVICE, Severity.MEDIUM, host.address(), host.hostname(), mac,
				null, null, null, null, null, retired == null ? null : retired.device().label(), summary, fix);
	}

	private static Optional<ScanFinding> notSeen(LedgerDevice device, ScanTargets targets,
			List<ReviewedHost> reviewed) {
		String address = device.ipAddresses().stream().filter(targets::covers).findFirst().orElse(null);
		if (address == null && !targets.coversName(device.hostname())) {
			return Optional.empty();
		}
		String shown = address != null ? address
				: device.ipAddresses().isEmpty() ? device.hostname() : device.ipAddresses().get(0);
		String mac = device.macAddresses().isEmpty() ? null : device.macAddresses().get(0);
		// the device's address may have answered as another device (DHCP moved it, or the
		// ledger is out of date): say so rather than "did not answer"
		String other = device.ipAddresses()
			.stream()
			.map(Addresses::ip)
			.flatMap(Optional::stream)
			.flatMap(ip -> reviewed.stream()
				.filter(r -> r.host().ipAddresses().stream().map(Addresses::ip).anyMatch(Optional.of(ip)::equals)))
			.findFirst()
			.map(r -> r.host().address() + " では"
					+ r.device()
						.map(m -> "別の機器（台帳の「" + m.device().label() + "」、" + by(m.by()) + "で一致）")
						.orElse("台帳にない別の機器")
					+ "が応答しました。")
			.orElse(null);
		String summary = "台帳の「" + device.label() + "」（" + shown + "）はスキャンの範囲内ですが見つかりませんでした。"
				+ (other != null ? other + "アドレスが変わったか、台帳のアドレスが古い可能性があります。"
						: "電源が切れていた、撤去済みなのに台帳が古い、またはファイアウォールで応答しない設定になっている可能性があります。");
		String fix = other != null ? "機器の今のアドレスを確かめ、台帳の IP アドレスと MAC アドレスを直してください。"
				: "機器の状況を確かめてください。撤去済みなら台帳の状態を「廃棄・撤去」にし、稼働中なら電源の入っている時間に再スキャンしてください。";
		return Optional.of(new ScanFinding(ScanFinding.LEDGER_DEVICE_NOT_SEEN, Severity.LOW, shown, device.hostname(),
				mac, null, null, null, null, null, device.label(), summary, fix));
	}

	private static boolean loopback(ScannedHost host) {
		return host.ipAddresses()
			.stream()
			.map(Addresses::ip)
			.flatMap(Optional::stream)
			.allMatch(ip -> ip.startsWith("127.") || ip.equals("0:0:0:0:0:0:0:1"));
	}

	/** "192.168.10.21（RECEPT-PC1、MAC 00:11:22:33:44:55 Dell）" */
	private static String where(ScannedHost host) {
		List<String> details = new ArrayList<>();
		if (host.hostname() != null) {
			details.add(host.hostname());
		}
		host.mac().ifPresent(m -> details.add("MAC " + m.address() + (m.vendor() == null ? "" : " " + m.vendor())));
		return host.address() + (details.isEmpty() ? "" : "（" + String.join("、", details) + "）");
	}

	private static String describe(ScannedPort port) {
		StringBuilder text = new StringBuilder();
		for (String part : new String[] { port.service(), port.product(), port.version() }) {
			if (part != null && !part.isBlank()) {
				text.append(' ').append(part);
			}
		}
		return text.toString();
	}

	private static String by(String by) {
		return switch (by) {
			case DeviceMatcher.BY_MAC -> "MACアドレス";
			case DeviceMatcher.BY_IP -> "IPアドレス";
			default -> "ホスト名";
		};
	}

}
