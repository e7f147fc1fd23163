package jp.mamori.endpoint.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.mamori.shared.BadInputException;

/**
 * Which services should not run on a machine of a role (2-⑫): the default denylist
 * {@code endpoint/service-policy.tsv} plus an organisation's own lines, where
 * {@code allow} wins over {@code deny} for the same role and service.
 */
public final class ServicePolicy {

	private record Line(boolean allow, String role, String service, String reason) {

		boolean appliesTo(String machineRole, String name) {
			return ("any".equals(role) || role.equals(machineRole)) && service.equalsIgnoreCase(name);
		}

	}

	private static final List<String> ROLES = List.of("any", "terminal", "server", "domain-controller");

	private final List<Line> lines;

	private ServicePolicy(List<Line> lines) {
		this.lines = List.copyOf(lines);
	}

	public static ServicePolicy builtIn() {
		return new ServicePolicy(lines("service-policy.tsv", TsvResource.classpath("/endpoint/service-policy.tsv")));
	}

	/** The default list followed by an organisation's own lines (same format). */
	public ServicePolicy with(String source, String text) {
		List<Line> all = new ArrayList<>(lines);
		all.addAll(lines(source, TsvResource.parse(text)));
		return new ServicePolicy(all);
	}

	/** Why the service should not run on a machine of this role; empty when it may. */
	public Optional<String> denied(String role, String service) {
		boolean allowed = lines.stream().anyMatch(l -> l.allow() && l.appliesTo(role, service));
		if (allowed) {
			return Optional.empty();
		}
		return lines.stream().filter(l -> !l.allow() && l.appliesTo(role, service)).map(Line::reason).findFirst();
	}

	private static List<Line> lines(String source, List<String[]> rows) {
		List<Line> lines = new ArrayList<>();
		int n = 0;
		for (String[] c : rows) {
			n++;
			if (c.length < 3 || !(c[0].equalsIgnoreCase("deny") || c[0].equalsIgnoreCase("allow"))
					|| !ROLES.contains(c[1].toLowerCase(Locale.ROOT)) || c[2].isEmpty()) {
				throw new BadInputException(source + " の " + n
						+ " 件目の行が読めません。「deny または allow」「any / terminal / server / domain-controller」「サービス名」「理由」をタブ区切りで書いてください。");
			}
			lines.add(new Line(c[0].equalsIgnoreCase("allow"), c[1].toLowerCase(Locale.ROOT), c[2],
					c.length > 3 ? c[3] : "不要なサービスの一覧に入っています。"));
		}
		return lines;
	}

}
