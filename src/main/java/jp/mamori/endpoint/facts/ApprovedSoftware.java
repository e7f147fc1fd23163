package jp.mamori.endpoint.facts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Software and services an organisation approved per machine role (2-⑫), on top of the
 * built-in service policy: in the server these are the rows of the inventory ledger
 * 「許可ソフトウェア一覧」, whose device kind {@code pc} means the role {@code terminal} and
 * {@code server} the roles {@code server} and {@code domain-controller}. The command line
 * has none.
 *
 * <p>
 * Names compare with width, case and spaces ignored (as the inventory check compares the
 * same ledger). A service is approved only by its exact short or display name, because an
 * entry such as 「SNMP」 must not approve every service whose name merely contains it; a
 * remote-access tool is approved by its tool name, or by an entry contained in the
 * software or service name (「TeamViewer」 approves 「TeamViewer 15 Host」), the way the
 * inventory check reads software lines.
 */
public final class ApprovedSoftware {

	private record Entry(String role, String key) {
	}

	private static final ApprovedSoftware NONE = new ApprovedSoftware(List.of());

	private final List<Entry> entries;

	private ApprovedSoftware(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/** Nothing approved beyond the built-in lists (the command line). */
	public static ApprovedSoftware none() {
		return NONE;
	}

	/**
	 * Approves {@code name} on machines of a device kind of the inventory ledger
	 * ({@code pc} or {@code server}); other kinds (network devices, medical devices …)
	 * carry no collector files and are ignored.
	 */
	public ApprovedSoftware withDeviceKind(String deviceKind, String name) {
		String key = key(name);
		if (key.isEmpty() || deviceKind == null) {
			return this;
		}
		List<String> roles = switch (deviceKind) {
			case "pc" -> List.of("terminal");
			case "server" -> List.of("server", "domain-controller");
			default -> List.of();
		};
		List<Entry> all = new ArrayList<>(entries);
		for (String role : roles) {
			all.add(new Entry(role, key));
		}
		return new ApprovedSoftware(all);
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	/** Whether a service of this short and display name is approved on the role. */
	public boolean serviceApproved(String role, String name, String displayName) {
		String a = key(name);
		String b = key(displayName);
		return entries.stream()
			.anyMatch(e -> e.role().equals(role) && (e.key().equals(a) || !b.isEmpty() && e.key().equals(b)));
	}

	/**
	 * Whether a remote-access tool is approved on the role: the entry is the tool's name,
	 * or is contained in one of the texts that named it (software, service or path).
	 */
	public boolean toolApproved(String role, String tool, String... texts) {
		String toolKey = key(tool);
		return entries.stream().filter(e -> e.role().equals(role)).anyMatch(e -> {
			if (e.key().equals(toolKey)) {
				return true;
			}
			for (String text : texts) {
				if (text != null && key(text).contains(e.key())) {
					return true;
				}
			}
			return false;
		});
	}

	/**
	 * Width, case and spaces ignored; the same rule as {@code CheckFindings.nameKey},
	 * repeated here because this package is also the offline command line and depends on
	 * no server module.
	 */
	static String key(String name) {
		if (name == null) {
			return "";
		}
		return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s", "");
	}

}
