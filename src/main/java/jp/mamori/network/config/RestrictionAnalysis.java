package jp.mamori.network.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.mamori.shared.Severity;

/**
 * Finds what checklist item 2-⑬ (接続元制限) is about in one configuration: permits from any
 * source on the outside, management open to anyone, exposed port forwards, outside
 * interfaces without a filter, VPNs without source restriction or second factor, factory
 * passwords and Telnet.
 *
 * <p>
 * Disabled rules are ignored and order is respected: a permit that an earlier deny of the
 * same traffic hides is not a finding. Shadowing is decided conservatively, only for an
 * earlier deny from any source to any destination on the same or every interface whose
 * services cover the permit's: anything subtler is reported rather than guessed away.
 */
public final class RestrictionAnalysis {

	/** Analyses one configuration. */
	public List<ConfigFinding> analyse(DeviceConfig config) {
		List<ConfigFinding> findings = new ArrayList<>();
		if (config.vendor() == Vendor.UNKNOWN) {
			return findings;
		}
		noInboundFilter(config, findings);
		anySourceAllowed(config, findings);
		portForwards(config, findings);
		management(config, findings);
		vpns(config, findings);
		credentials(config, findings);
		return findings;
	}

	/**
	 * Whether traffic arriving on these interfaces may come from outside: an outside
	 * interface, every interface, or — when the configuration names no outside interface
	 * at all — one whose role we cannot tell.
	 */
	static boolean facesOutside(DeviceConfig config, List<String> interfaces) {
		boolean knownOutside = config.hasKnownOutside();
		for (String name : interfaces) {
			if (name.equals(FilterRule.ANY)) {
				return true;
			}
			Optional<NetInterface> iface = config.iface(name);
			InterfaceRole role = iface.map(NetInterface::role).orElse(InterfaceRole.UNKNOWN);
			if (role == InterfaceRole.OUTSIDE || (role == InterfaceRole.UNKNOWN && !knownOutside)) {
				return true;
			}
		}
		return false;
	}

	private void noInboundFilter(DeviceConfig config, List<ConfigFinding> findings) {
		for (NetInterface iface : config.interfaces()) {
			if (iface.role() == InterfaceRole.OUTSIDE && !iface.inboundFiltered()) {
				findings.add(new ConfigFinding(FindingKind.NO_INBOUND_FILTER, Severity.HIGH, config.file(),
						iface.line(), "", "any", iface.name(),
						"インターネット側のインタフェース「" + iface.name() + "」（" + iface.reason()
								+ "）には、受信する通信を制限するフィルタが1つもありません。外部からの接続元が制限されていない状態です。"
								+ "外からの通信は原則として拒否し、必要なものだけを接続元を限定して許可してください。",
						VendorFixes.inboundFilter(config.vendor(), iface.name()), ""));
			}
		}
	}

	private void anySourceAllowed(DeviceConfig config, List<ConfigFinding> findings) {
		List<FilterRule> earlier = new ArrayList<>();
		for (FilterRule rule : config.rules()) {
			if (!rule.enabled()) {
				continue;
			}
			if (rule.action() == Action.PERMIT && rule.inbound() && rule.anySource() && !rule.narrowed()
					&& !icmpOnly(rule) && facesOutside(config, rule.interfaces()) && !shadowed(rule, earlier)) {
				boolean risky = rule.anyService() || rule.services()
					.stream()
					.anyMatch(s -> !Ports.riskyIn(s).isEmpty() || s.allPortsOfProtocol());
				String service = describe(rule.services());
				findings.add(new ConfigFinding(FindingKind.ANY_SOURCE_ALLOWED, risky ? Severity.HIGH : Severity.MEDIUM,
						config.file(), rule.line(), rule.label(), service, String.join(" ", rule.interfaces()),
						"ルール " + rule.label() + " は、外部（" + String.join(" ", rule.interfaces()) + "）のどこからでも " + service
								+ " の通信を" + destinationWords(rule) + "許可しています。接続元を保守業者などの"
								+ "決まったアドレスに限定するか、不要なら削除してください。",
						VendorFixes.restrictSource(config.vendor(), rule), rule.text()));
			}
			earlier.add(rule);
		}
	}

	private static String destinationWords(FilterRule rule) {
		return rule.anyDestination() ? "宛先を問わず" : String.join(" ", rule.destinations()) + " 宛てに";
	}

	private static boolean icmpOnly(FilterRule rule) {
		// ping from the internet is not what item 2-⑬ is about
		return rule.services().stream().allMatch(s -> s.protocol().startsWith("icmp"));
	}

	/** An earlier, unconditional deny of everything this permit lets through. */
	static boolean shadowed(FilterRule permit, List<FilterRule> earlier) {
		for (FilterRule deny : earlier) {
			if (deny.enabled() && deny.action() == Action.DENY && !deny.narrowed() && deny.inbound() == permit.inbound()
					&& deny.anySource() && deny.anyDestination() && covers(deny.interfaces(), permit.interfaces())
					&& covers(deny.egress(), permit.egress())
					&& permit.services().stream().allMatch(s -> deny.services().stream().anyMatch(d -> d.covers(s)))) {
				return true;
			}
		}
		return false;
	}

	private static boolean covers(List<String> outer, List<String> inner) {
		return outer.contains(FilterRule.ANY) || (!inner.contains(FilterRule.ANY) && outer.containsAll(inner));
	}

	private void portForwards(DeviceConfig config, List<ConfigFinding> findings) {
		for (PortForward forward : config.portForwards()) {
			Map<Integer, String> risky = Ports.riskyIn(forward.service());
			if (risky.isEmpty() || !forward.anySource()) {
				continue;
			}
			List<String> exposed = new ArrayList<>();
			for (Map.Entry<Integer, String> port : risky.entrySet()) {
				if (reachableFromAnywhere(config, forward, port.getKey())) {
					exposed.add(forward.service().isAny() ? port.getKey() + " (" + port.getValue() + ")"
							: forward.service().protocol() + "/" + port.getKey() + " (" + port.getValue() + ")");
				}
			}
			if (exposed.isEmpty()) {
				continue;
			}
			String service = String.join(", ", exposed);
			String what = forward.service().isAny() ? "すべての通信（1対1の静的NAT）" : service;
			findings.add(new ConfigFinding(FindingKind.PORT_FORWARD_EXPOSED, Severity.HIGH, config.file(),
					forward.line(), forward.id(), service, forward.iface(),
					"インターネットから " + what + " の通信が内部の " + forward.target()
							+ " に転送される設定です。リモートデスクトップ・ファイル共有・SSH などを外部に公開すると、"
							+ "ランサムウェアの侵入口になります。VPN経由に切り替えるか、接続元を限定してください。",
					VendorFixes.removeForward(config.vendor(), forward), forward.text()));
		}
	}

	/**
	 * Whether an arbitrary internet source reaches a forwarded port: yes when its
	 * interface has no inbound filter; else the first rule that surely matches decides (a
	 * permit from any source covering the port, or an unconditional deny); no rule
	 * deciding means the filter's implicit deny.
	 */
	private static boolean reachableFromAnywhere(DeviceConfig config, PortForward forward, int port) {
		Optional<NetInterface> iface = config.iface(forward.iface());
		boolean filtered = iface.map(NetInterface::inboundFiltered)
			.orElseGet(() -> config.interfaces()
				.stream()
				.filter(i -> i.role() == InterfaceRole.OUTSIDE)
				.anyMatch(NetInterface::inboundFiltered));
		if (!filtered) {
			return true;
		}
		String proto = forward.service().isAny() ? "tcp" : forward.service().protocol();
		for (FilterRule rule : config.rules()) {
			if (!rule.enabled() || !rule.inbound() || rule.narrowed()) {
				continue;
			}
			boolean here = rule.anyInterface() || forward.iface().equals(FilterRule.ANY)
					|| rule.interfaces().contains(forward.iface());
			boolean matchesPort = rule.services().stream().anyMatch(s -> s.covers(proto, port));
			if (!here || !matchesPort || !rule.anySource()) {
				continue;
			}
			if (rule.action() == Action.PERMIT) {
				if (forward.object() == null || rule.anyDestination()
						|| rule.destinations().contains(forward.object())) {
					return true;
				}
			}
			else if (rule.action() == Action.DENY && rule.anyDestination()) {
				return false;
			}
		}
		return false;
	}

	private void management(DeviceConfig config, List<ConfigFinding> findings) {
		for (ManagementAccess access : config.management()) {
			ManagementAccess.Protocol protocol = access.protocol();
			boolean fromOutside = !access.anyInterface() && facesOutside(config, access.interfaces());
			boolean open = access.anySource() && (access.anyInterface() || fromOutside);
			if (open) {
				String where = access.anyInterface() ? "どこからでも"
						: "インターネット側（" + String.join(" ", access.interfaces()) + "）のどこからでも";
				findings.add(new ConfigFinding(FindingKind.MANAGEMENT_OPEN, Severity.HIGH, config.file(), access.line(),
						protocol.id(), protocol.label(), String.join(" ", access.interfaces()),
						"機器の管理用の接続（" + protocol.label() + "）に" + where
								+ "接続できる設定です。管理者のパスワードを破られると設定を書き換えられます。管理はLAN内の決まった端末からだけに限ってください。",
						VendorFixes.restrictManagement(config.vendor(), access), access.text()));
			}
			if (protocol == ManagementAccess.Protocol.TELNET) {
				findings.add(new ConfigFinding(FindingKind.TELNET_ENABLED,
						open || fromOutside ? Severity.HIGH : Severity.MEDIUM, config.file(), access.line(), "telnet",
						"tcp/23 (Telnet)", String.join(" ", access.interfaces()),
						"Telnet（通信が暗号化されない管理接続）が有効です。パスワードが盗み見られるおそれがあります。SSHなど暗号化された方法に切り替え、Telnetは止めてください。",
						VendorFixes.disableTelnet(config.vendor(), access), access.text()));
			}
		}
	}

	private void vpns(DeviceConfig config, List<ConfigFinding> findings) {
		boolean remoteAccess = false;
		for (VpnSetting vpn : config.vpns()) {
			remoteAccess |= vpn.remoteAccess();
			if (vpn.anySource()) {
				findings.add(new ConfigFinding(FindingKind.VPN_NO_SOURCE_RESTRICTION, Severity.MEDIUM, config.file(),
						vpn.line(), vpn.name(), vpn.kind().label(), String.join(" ", vpn.interfaces()),
						vpn.kind().label() + "（" + vpn.name()
								+ "）は、どこからでも接続を受け付けます。病院への侵入の多くはVPN装置が入口でした。保守業者など接続元のアドレスが決まっている場合は、そのアドレスだけに限定してください。",
						VendorFixes.restrictVpn(config.vendor(), vpn), vpn.text()));
			}
		}
		if (!remoteAccess) {
			return;
		}
		for (LocalUser user : config.users()) {
			if (user.vpnUser() && !user.twoFactor()) {
				findings.add(new ConfigFinding(FindingKind.VPN_NO_2FA, Severity.HIGH, config.file(), user.line(),
						user.name(), "VPN", "",
						"VPN利用者「" + user.name() + "」に二要素認証（ワンタイムパスワード等）が設定されていません。IDとパスワードが漏れるだけで外部から院内に入れてしまいます。",
						VendorFixes.twoFactor(config.vendor(), user), user.text()));
			}
		}
	}

	private void credentials(DeviceConfig config, List<ConfigFinding> findings) {
		for (LocalUser user : config.users()) {
			if (!user.hasPassword() && !user.vpnUser()) {
				findings.add(new ConfigFinding(FindingKind.DEFAULT_CREDENTIAL, Severity.HIGH, config.file(),
						user.line(), user.name(), "", "",
						"「" + user.name() + "」のパスワードが設定されていません（工場出荷時のまま）。誰でも機器にログインして設定を変更できるおそれがあります。",
						VendorFixes.setPassword(config.vendor(), user), user.text()));
				continue;
			}
			FactoryCredentials.factoryPassword(config.vendor(), user)
				.ifPresent(password -> findings.add(new ConfigFinding(FindingKind.DEFAULT_CREDENTIAL, Severity.HIGH,
						config.file(), user.line(), user.name(), "", "",
						"「" + user.name() + "」のパスワードが工場出荷時のもの（" + password + "）のままです。誰でも知っているパスワードなので、すぐに変更してください。",
						VendorFixes.setPassword(config.vendor(), user), user.text())));
		}
	}

	static String describe(List<Service> services) {
		return services.stream().map(s -> {
			Map<Integer, String> risky = Ports.riskyIn(s);
			if (s.isAny() || risky.isEmpty() || s.allPortsOfProtocol() || risky.size() > 3) {
				return s.describe();
			}
			return s.describe() + " (" + String.join(", ", risky.values()) + ")";
		}).distinct().collect(Collectors.joining(", "));
	}

}
