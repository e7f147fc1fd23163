package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Windows Firewall log
 * ({@code %windir%&#92;System32&#92;LogFiles&#92;Firewall&#92;pfirewall.log}): a
 * W3C-style file with {@code #Version}, {@code #Software: Microsoft Windows Firewall},
 * {@code #Time Format: Local} and {@code #Fields: date time action protocol src-ip dst-ip
 * src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path [pid]}.
 * Times are the machine's local time, read in {@link ParseContext#zone()}. {@code DROP} →
 * {@link EventKind#TRAFFIC_DENIED}, {@code ALLOW} → {@link EventKind#TRAFFIC_ALLOWED},
 * other actions (INFO-EVENTS-LOST) → {@link EventKind#OTHER}; source src-ip, target
 * dst-ip:dst-port, data protocol, direction (path SEND/RECEIVE), ports.
 */
public final class WindowsFirewallParser extends TextLogParser {

	private static final String DEFAULT_FIELDS = "date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path pid";

	private static final List<String> ACTIONS = List.of("DROP", "ALLOW", "INFO-EVENTS-LOST");

	@Override
	public LogFormat format() {
		return LogFormat.WINDOWS_FIREWALL;
	}

	@Override
	public int detect(LogSample sample) {
		String head = sample.text();
		if (head.contains("#Software: Microsoft Windows Firewall")
				|| (head.contains("#Fields: date time action protocol src-ip dst-ip"))) {
			return 95;
		}
		if (sample.lowerName().endsWith("pfirewall.log") || sample.lowerName().endsWith("pfirewall.log.old")) {
			return 60;
		}
		double share = SampleLines.share(SampleLines.records(sample), line -> {
			String[] parts = line.split(" ");
			return parts.length >= 8 && parts[0].length() == 10 && parts[0].charAt(4) == '-'
					&& ACTIONS.contains(parts[2]);
		});
		return SampleLines.score(share, 0.5, 50, 70);
	}

	@Override
	protected Lines lines(ParseContext context, ParseStats stats) {
		W3cFields fields = new W3cFields(DEFAULT_FIELDS);
		return (line, number, truncated) -> {
			if (line.startsWith("#")) {
				fields.directive(line);
				return NOT_A_RECORD;
			}
			String[] values = fields.split(line);
			if (values == null) {
				return null;
			}
			Instant time = fields.time(values, context.zone());
			String action = fields.get(values, "action");
			if (time == null || action == null) {
				return null;
			}
			String upper = action.toUpperCase(Locale.ROOT);
			EventKind kind = switch (upper) {
				case "DROP" -> EventKind.TRAFFIC_DENIED;
				case "ALLOW" -> EventKind.TRAFFIC_ALLOWED;
				default -> EventKind.OTHER;
			};
			Map<String, String> data = new LinkedHashMap<>();
			put(data, "protocol", fields.get(values, "protocol"));
			put(data, "direction", fields.get(values, "path"));
			put(data, "sourcePort", fields.get(values, "src-port"));
			put(data, "targetPort", fields.get(values, "dst-port"));
			put(data, "pid", fields.get(values, "pid"));
			String target = fields.get(values, "dst-ip");
			String port = fields.get(values, "dst-port");
			if (target != null && port != null) {
				target = (target.indexOf(':') >= 0 ? "[" + target + "]" : target) + ":" + port;
			}
			return LogEvent.at(time, kind)
				.channel("firewall")
				.eventId(upper)
				.status(upper)
				.sourceAddress(fields.get(values, "src-ip"))
				.target(target)
				.process(fields.get(values, "protocol"))
				.recordNumber(number)
				.data(Collections.unmodifiableMap(data))
				.build();
		};
	}

	private static void put(Map<String, String> data, String key, String value) {
		if (value != null) {
			data.put(key, value);
		}
	}

}
