package jp.mamori.endpoint.facts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jp.mamori.shared.Severity;

/**
 * The finding rules over collector files. Every rule looks only at sections the file has:
 * a section the script could not read gives no finding (and no all-clear either). "Now"
 * is each file's own {@code collectedAt}, so a file analysed a month later says what was
 * true when it was collected.
 */
public final class EndpointAnalysis {

	/** The stable finding ids (contract of {@code mamori analyze endpoint --json}). */
	public static final List<String> FINDING_IDS = List.of("av-disabled", "av-signatures-old", "patch-stale",
			"os-end-of-life", "rdp-enabled", "local-admin-user", "shared-local-admin", "password-never-expires",
			"usb-unrestricted", "remote-tool-present", "unneeded-service", "security-log-small");

	static final int SIGNATURE_DAYS = 7;

	static final int PATCH_DAYS = 60;

	/** 2-⑪ / the guidelines: logs kept long enough to look back at an incident. */
	static final int LOG_DAYS = 90;

	/**
	 * Members of Administrators whose names say they are administration accounts: the
	 * usual names in Japanese clinics and vendors' maintenance accounts. Anything else is
	 * an ordinary user with administrator rights.
	 */
	static final Pattern ADMIN_NAME = Pattern.compile("(?i).*(admin|adm|kanri|管理|maint|保守|hoshu|support).*");

	/** Well-known groups that make every user an administrator. */
	static final Set<String> EVERYONE_GROUPS = Set.of("domain users", "everyone", "authenticated users", "users",
			"interactive", "ドメイン ユーザー");

	/**
	 * A lookup of end of support beyond the built-in table (the server's endoflife.date
	 * data); empty means "use the table".
	 */
	@FunctionalInterface
	public interface EndOfLife {

		Optional<WindowsLifecycle.Support> find(EndpointFacts.Os os);

	}

	private final WindowsLifecycle lifecycle;

	private final EndOfLife feeds;

	private final RemoteTools remoteTools;

	private final ServicePolicy services;

	private final ApprovedSoftware approved;

	public EndpointAnalysis(WindowsLifecycle lifecycle, EndOfLife feeds, RemoteTools remoteTools,
			ServicePolicy services) {
		this(lifecycle, feeds, remoteTools, services, ApprovedSoftware.none());
	}

	private EndpointAnalysis(WindowsLifecycle lifecycle, EndOfLife feeds, RemoteTools remoteTools,
			ServicePolicy services, ApprovedSoftware approved) {
		this.lifecycle = lifecycle;
		this.feeds = feeds;
		this.remoteTools = remoteTools;
		this.services = services;
		this.approved = approved;
	}

	/** The built-in lists and table, no feeds: what the command line uses. */
	public static EndpointAnalysis standard() {
		return new EndpointAnalysis(WindowsLifecycle.builtIn(), os -> Optional.empty(), RemoteTools.builtIn(),
				ServicePolicy.builtIn());
	}

	public EndpointAnalysis withServicePolicy(ServicePolicy policy) {
		return new EndpointAnalysis(lifecycle, feeds, remoteTools, policy, approved);
	}

	/**
	 * The same rules with an organisation's approvals: an approved service gives no
	 * {@code unneeded-service} finding (as an {@code allow} line of the policy), an
	 * approved remote-access tool gives a {@code remote-tool-present} finding of severity
	 * {@link Severity#INFO} that says it is approved, so the inventory of tools stays
	 * visible on the machine's page while checks count only what is not approved.
	 */
	public EndpointAnalysis withApproved(ApprovedSoftware approvals) {
		return new EndpointAnalysis(lifecycle, feeds, remoteTools, services, approvals);
	}

	/** Findings of each machine, then those across machines (shared administrator). */
	public List<EndpointFinding> analyse(List<EndpointFacts> machines) {
		List<EndpointFinding> findings = new ArrayList<>();
		for (EndpointFacts m : machines) {
			findings.addAll(analyse(m));
		}
		findings.addAll(sharedLocalAdmin(machines));
		return findings;
	}

	/** The findings one file gives on its own. */
	public List<EndpointFinding> analyse(EndpointFacts m) {
		List<EndpointFinding> f = new ArrayList<>();
		antivirus(m, f);
		patches(m, f);
		endOfLife(m, f);
		remoteDesktop(m, f);
		localAdmins(m, f);
		passwordNeverExpires(m, f);
		usb(m, f);
		remoteTools(m, f);
		unneededServices(m, f);
		securityLog(m, f);
		return f;
	}

	private static EndpointFinding finding(EndpointFacts m, String id, Severity severity, String summary, String fix,
			String evidence) {
		return new EndpointFinding(id, severity, m.hostname(), m.file(), summary, fix, evidence);
	}

	private static LocalDate today(EndpointFacts m) {
		return m.collectedAt().toLocalDate();
	}

	private void antivirus(EndpointFacts m, List<EndpointFinding> f) {
		List<EndpointFacts.AntivirusProduct> products = m.antivirusProducts() == null ? List.of()
				: m.antivirusProducts();
		EndpointFacts.Defender d = m.defender();
		if (m.antivirusProducts() == null && d == null) {
			return;
		}
		boolean productOn = products.stream().anyMatch(p -> Boolean.TRUE.equals(p.enabled()));
		boolean defenderOn = d != null && Boolean.TRUE.equals(d.antivirusEnabled())
				&& !Boolean.FALSE.equals(d.realTimeProtectionEnabled());
		// Defender in passive mode means another product is registered and protecting
		boolean otherProduct = d != null && d.passive();
		if (!productOn && !defenderOn && !otherProduct) {
			String names = products.isEmpty() ? "（登録された製品なし）"
					: String.join("、", products.stream().map(EndpointFacts.AntivirusProduct::name).toList());
			f.add(finding(m, "av-disabled", Severity.HIGH, m.hostname() + " でウイルス対策が動いていません。",
					"ウイルス対策ソフトを有効にし、リアルタイム保護をオンにしてください。止める運用が必要なら、理由と代わりの対策を記録してください。",
					"製品: " + names + "; Defender: " + (d == null ? "不明" : "antivirusEnabled=" + d.antivirusEnabled()
							+ ", realTimeProtection=" + d.realTimeProtectionEnabled())));
			return;
		}
		if (defenderOn && d.signatureLastUpdated() != null) {
			long days = Duration.between(d.signatureLastUpdated(), m.collectedAt()).toDays();
			if (days > SIGNATURE_DAYS) {
				f.add(finding(m, "av-signatures-old", Severity.MEDIUM,
						m.hostname() + " のウイルス定義が " + days + " 日前のものです（" + SIGNATURE_DAYS + " 日を超えています）。",
						"定義ファイルの更新経路（インターネット、WSUS、配布サーバ）を確かめ、手動でも更新してください。",
						"signatureLastUpdated=" + d.signatureLastUpdated()));
			}
			return;
		}
		products.stream()
			.filter(p -> Boolean.TRUE.equals(p.enabled()) && Boolean.FALSE.equals(p.upToDate()))
			.findFirst()
			.ifPresent(p -> f.add(finding(m, "av-signatures-old", Severity.MEDIUM,
					m.hostname() + " のウイルス対策ソフト「" + p.name() + "」の定義が最新ではありません。", "定義ファイルの更新経路を確かめ、更新してください。",
					"SecurityCenter2: upToDate=false")));
	}

	private void patches(EndpointFacts m, List<EndpointFinding> f) {
		List<String> reasons = new ArrayList<>();
		if (m.windowsUpdate() != null && "Disabled".equalsIgnoreCase(m.windowsUpdate().serviceStartMode())) {
			reasons.add("Windows Update サービスが無効になっています");
		}
		if (m.hotfixes() != null) {
			Optional<LocalDate> newest = m.hotfixes()
				.stream()
				.map(EndpointFacts.Hotfix::installedOn)
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder());
			if (newest.isEmpty()) {
				reasons.add("適用日の分かる更新プログラムがありません");
			}
			else if (newest.get().isBefore(today(m).minusDays(PATCH_DAYS))) {
				reasons.add("最後の更新プログラムの適用が " + newest.get() + " です（" + PATCH_DAYS + " 日以上前）");
			}
		}
		if (!reasons.isEmpty()) {
			f.add(finding(m, "patch-stale", Severity.HIGH, m.hostname() + ": " + String.join("。", reasons) + "。",
					"Windows Update を有効にして更新を適用してください。事業者の検証を待つ運用なら、検証済み更新の適用予定日を事業者に確認し記録してください。",
					"Windows Update: "
							+ (m.windowsUpdate() == null ? "不明"
									: m.windowsUpdate().serviceStartMode() + " / " + m.windowsUpdate().serviceState())
							+ "; hotfixes=" + (m.hotfixes() == null ? "不明" : m.hotfixes().size() + " 件")));
		}
	}

	private void endOfLife(EndpointFacts m, List<EndpointFinding> f) {
		Optional<WindowsLifecycle.Support> support = feeds.find(m.os()).or(() -> lifecycle.find(m.os()));
		support.filter(s -> s.endedBy(today(m)))
			.ifPresent(s -> f.add(finding(m, "os-end-of-life", Severity.HIGH,
					m.hostname() + " の OS（" + s.label() + "）はサポートが " + s.endsOn() + " に終了しています。",
					"サポート中の版へ更新するか、更新できない理由（医療機器の認証など）と代わりの対策（ネットワークの分離など）を記録してください。ESU 契約がある場合はその期限を記録してください。",
					m.os().caption() + " build " + m.os().build() + " (" + m.os().edition() + ")")));
	}

	private void remoteDesktop(EndpointFacts m, List<EndpointFinding> f) {
		EndpointFacts.RemoteDesktop rdp = m.remoteDesktop();
		if (rdp == null || !Boolean.TRUE.equals(rdp.enabled()) || !m.isTerminal()) {
			return;
		}
		boolean noNla = Boolean.FALSE.equals(rdp.nlaRequired());
		f.add(finding(m, "rdp-enabled", noNla ? Severity.HIGH : Severity.MEDIUM,
				m.hostname() + "（端末PC）でリモートデスクトップ接続が有効です" + (noNla ? "（ネットワークレベル認証なし）。" : "。"),
				"端末PCへのリモートデスクトップは無効にしてください。必要な場合は接続元を限定し、ネットワークレベル認証を必須にしてください。",
				"fDenyTSConnections=0; nlaRequired=" + rdp.nlaRequired()));
	}

	private void localAdmins(EndpointFacts m, List<EndpointFinding> f) {
		if (m.administrators() == null) {
			return;
		}
		Map<String, EndpointFacts.LocalUser> users = new LinkedHashMap<>();
		if (m.localUsers() != null) {
			m.localUsers().forEach(u -> users.put(u.name().toLowerCase(Locale.ROOT), u));
		}
		List<String> ordinary = new ArrayList<>();
		for (EndpointFacts.Member member : m.administrators()) {
			String name = member.shortName();
			if (member.group()) {
				if (EVERYONE_GROUPS.contains(name.toLowerCase(Locale.ROOT))) {
					ordinary.add(member.name() + "（グループ: 全員が管理者になります）");
				}
				continue;
			}
			if ((member.sid() != null && member.sid().endsWith("-500")) || ADMIN_NAME.matcher(name).matches()) {
				continue;
			}
			EndpointFacts.LocalUser local = member.local() ? users.get(name.toLowerCase(Locale.ROOT)) : null;
			if (local != null && !local.enabled()) {
				continue;
			}
			ordinary.add(member.name());
		}
		if (!ordinary.isEmpty()) {
			f.add(finding(m, "local-admin-user", Severity.MEDIUM,
					m.hostname() + " で普段使いの利用者が管理者（Administrators）になっています: " + String.join("、", ordinary) + "。",
					"普段の業務に使うアカウントは一般ユーザーにし、管理作業には別の管理者アカウントを使ってください。", "Administrators: "
							+ String.join(", ", m.administrators().stream().map(EndpointFacts.Member::name).toList())));
		}
	}

	private void passwordNeverExpires(EndpointFacts m, List<EndpointFinding> f) {
		if (m.localUsers() == null) {
			return;
		}
		List<String> names = m.localUsers()
			.stream()
			.filter(u -> u.enabled() && Boolean.TRUE.equals(u.passwordNeverExpires()))
			.map(EndpointFacts.LocalUser::name)
			.toList();
		if (!names.isEmpty()) {
			f.add(finding(m, "password-never-expires", Severity.LOW,
					m.hostname() + " で有効なローカルアカウントのパスワードが無期限です: " + String.join("、", names) + "。",
					"期限を設けるか、R7 の考え方どおり 13 文字以上のパスワードまたは二要素認証にして、その旨を記録してください。",
					"passwordNeverExpires=true: " + String.join(", ", names)));
		}
	}

	private void usb(EndpointFacts m, List<EndpointFinding> f) {
		if (m.usb() == null || m.usb().restricted()) {
			return;
		}
		f.add(finding(m, "usb-unrestricted", Severity.MEDIUM, m.hostname() + " で USB メモリなどの外部記録媒体が制限されていません。",
				"グループポリシー（リムーバブル記憶域へのアクセス）で禁止するか、許可した媒体だけが使える製品を使ってください。",
				"USBSTOR Start=" + m.usb().usbStorStart() + "; Deny_All=" + m.usb().denyAllRemovable()));
	}

	private void remoteTools(EndpointFacts m, List<EndpointFinding> f) {
		String role = m.role();
		// tool name -> approved; every text that named a tool is checked against the
		// approvals, and a tool counts as approved only when each of them is
		Map<String, Boolean> found = new LinkedHashMap<>();
		List<String> evidence = new ArrayList<>();
		if (m.software() != null) {
			for (EndpointFacts.Software s : m.software()) {
				remoteTools.match(s.name()).ifPresent(tool -> {
					found.merge(tool, approved.toolApproved(role, tool, s.name()), Boolean::logicalAnd);
					evidence.add("ソフトウェア: " + s.name() + " " + Objects.toString(s.version(), ""));
				});
			}
		}
		boolean running = false;
		if (m.services() != null) {
			for (EndpointFacts.Service s : m.services()) {
				Optional<String> tool = remoteTools.match(s.name(), s.displayName(), s.path());
				if (tool.isPresent()) {
					boolean ok = approved.toolApproved(role, tool.get(), s.name(), s.displayName());
					found.merge(tool.get(), ok, Boolean::logicalAnd);
					running |= s.running() && !ok;
					evidence.add("サービス: " + s.name() + " (" + s.state() + ", " + s.startMode() + ")");
				}
			}
		}
		if (found.isEmpty()) {
			return;
		}
		List<String> open = found.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
		List<String> ok = found.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
		String proof = String.join("; ", evidence.stream().map(String::strip).toList());
		if (open.isEmpty()) {
			f.add(finding(m, "remote-tool-present", Severity.INFO,
					m.hostname() + " のリモート操作ツールは許可ソフトウェア一覧で許可済みです: " + String.join("、", ok) + "。",
					"許可済みです。保守で使うなら「リモート保守の接続」台帳にも登録し、常時起動をやめて必要な時だけ起動してください。", proof));
			return;
		}
		f.add(finding(m, "remote-tool-present", running ? Severity.HIGH : Severity.MEDIUM,
				m.hostname() + " にリモート操作ツールがあります" + (running ? "（サービスが動作中）" : "") + ": " + String.join("、", open) + "。"
						+ (ok.isEmpty() ? "" : "（許可済み: " + String.join("、", ok) + "）"),
				"使っていなければアンインストールしてください。保守に使うなら「リモート保守の接続」台帳に登録し、常時起動をやめて必要な時だけ起動してください。", proof));
	}

	private void unneededServices(EndpointFacts m, List<EndpointFinding> f) {
		if (m.services() == null) {
			return;
		}
		String role = m.role();
		for (EndpointFacts.Service s : m.services()) {
			if (!s.running() && !s.automatic()) {
				continue;
			}
			if (approved.serviceApproved(role, s.name(), s.displayName())) {
				continue;
			}
			services.denied(role, s.name())
				.ifPresent(reason -> f.add(finding(m, "unneeded-service", Severity.LOW,
						m.hostname() + " で不要なサービス「" + Objects.toString(s.displayName(), s.name()) + "」（" + s.name()
								+ "）が" + (s.running() ? "動作しています" : "自動起動になっています") + "。" + reason,
						"使っていなければサービスを停止し、スタートアップの種類を「無効」にしてください。必要なら許可リストに加えてください。", "service=" + s.name() + "; state="
								+ s.state() + "; startMode=" + s.startMode() + "; role=" + role)));
		}
	}

	private void securityLog(EndpointFacts m, List<EndpointFinding> f) {
		if (m.eventLogs() == null) {
			return;
		}
		m.eventLogs()
			.stream()
			.filter(l -> "Security".equalsIgnoreCase(l.logName()))
			.findFirst()
			.flatMap(l -> capacityDays(l, m.collectedAt()).map(days -> Map.entry(l, days)))
			.filter(e -> e.getValue() < LOG_DAYS)
			.ifPresent(e -> {
				EndpointFacts.EventLog l = e.getKey();
				f.add(finding(
						m, "security-log-small", Severity.MEDIUM, m.hostname() + " のセキュリティログは今の記録量では約 "
								+ Math.round(e.getValue()) + " 日分しか保持できません（" + LOG_DAYS + " 日分が目安）。",
						"セキュリティログの最大サイズを大きくするか、ログを定期的に別の場所へ保存（転送）してください。",
						"maximumSizeBytes=" + l.maximumSizeBytes() + "; fileSizeBytes=" + l.fileSizeBytes()
								+ "; recordCount=" + l.recordCount() + "; oldestRecordTime=" + l.oldestRecordTime()
								+ "; retentionMode=" + l.retentionMode()));
			});
	}

	/**
	 * How many days the Security log holds at the rate observed in the file: bytes
	 * written since the oldest record, scaled to the maximum size. Empty when the file
	 * does not tell (no oldest record, no size) or when old records are archived rather
	 * than overwritten.
	 */
	static Optional<Double> capacityDays(EndpointFacts.EventLog log, OffsetDateTime collectedAt) {
		if (log.oldestRecordTime() == null || log.maximumSizeBytes() == null || log.maximumSizeBytes() <= 0
				|| "AutoBackup".equalsIgnoreCase(log.retentionMode())) {
			return Optional.empty();
		}
		double spanDays = Duration.between(log.oldestRecordTime(), collectedAt).toMinutes() / (24.0 * 60);
		if (spanDays <= 0) {
			return Optional.empty();
		}
		Long used = log.fileSizeBytes();
		if (used == null && log.recordCount() != null) {
			// no file size: estimate with the typical size of a Security event record
			// (about
			// 1 KB in .evtx files)
			used = log.recordCount() * 1024L;
		}
		if (used == null || used <= 0) {
			return Optional.empty();
		}
		double full = (double) used / log.maximumSizeBytes();
		if (full >= 0.9) {
			// the log has wrapped (or is about to): what it holds is what it can hold
			return Optional.of(spanDays);
		}
		return Optional.of(spanDays / full);
	}

	/**
	 * The same enabled administrator account name on two or more machines with the same
	 * password-last-set instant: set up from one image or by one person at one sitting,
	 * very likely one password everywhere. Only names and times are compared, never
	 * hashes (the collector does not read them).
	 */
	List<EndpointFinding> sharedLocalAdmin(List<EndpointFacts> machines) {
		record Key(String name, String passwordLastSet) {
		}
		Map<Key, List<EndpointFacts>> groups = new LinkedHashMap<>();
		for (EndpointFacts m : machines) {
			if (m.localUsers() == null) {
				continue;
			}
			for (EndpointFacts.LocalUser u : m.localUsers()) {
				if (!u.enabled() || u.passwordLastSet() == null || !administrator(m, u)) {
					continue;
				}
				List<EndpointFacts> hosts = groups.computeIfAbsent(
						new Key(u.name().toLowerCase(Locale.ROOT), u.passwordLastSet()), k -> new ArrayList<>());
				if (hosts.stream().noneMatch(h -> h.hostname().equalsIgnoreCase(m.hostname()))) {
					hosts.add(m);
				}
			}
		}
		List<EndpointFinding> findings = new ArrayList<>();
		groups.forEach((key, hosts) -> {
			if (hosts.size() < 2) {
				return;
			}
			String names = String.join("、", hosts.stream().map(EndpointFacts::hostname).toList());
			for (EndpointFacts m : hosts) {
				findings.add(finding(m, "shared-local-admin", Severity.HIGH,
						"管理者アカウント「" + key.name() + "」が " + hosts.size() + " 台（" + names
								+ "）で有効で、パスワードの最終変更日時がすべて同じです。同じパスワードが使い回されている可能性があります。",
						"機器ごとに異なるパスワードにしてください（Windows LAPS などで自動化できます）。",
						"name=" + key.name() + "; passwordLastSet=" + key.passwordLastSet() + "; hosts=" + names));
			}
		});
		return findings;
	}

	private static boolean administrator(EndpointFacts m, EndpointFacts.LocalUser u) {
		if (u.builtInAdministrator()) {
			return true;
		}
		return m.administrators() != null && m.administrators()
			.stream()
			.anyMatch(a -> (u.sid() != null && u.sid().equals(a.sid())) || a.shortName().equalsIgnoreCase(u.name()));
	}

}
