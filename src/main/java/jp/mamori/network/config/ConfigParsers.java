package jp.mamori.network.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration parser, with detection of the vendor from the text and an override.
 * Reading never throws for a bad file: what could not be read is counted and explained in
 * the configuration's notes.
 */
public final class ConfigParsers {

	private final List<ConfigParser> parsers;

	private ConfigParsers(List<ConfigParser> parsers) {
		this.parsers = List.copyOf(parsers);
	}

	/** Every parser we have. */
	public static ConfigParsers standard() {
		return new ConfigParsers(List.of(new RtxConfigParser(), new FortiGateConfigParser(), new IosConfigParser(),
				new AsaConfigParser(), new IptablesConfigParser(), new PfSenseConfigParser()));
	}

	/** The vendor whose configuration this text most looks like, if any. */
	public Optional<Vendor> detect(String text) {
		List<String> lines = ConfigText.lines(text);
		return parsers.stream()
			.filter(p -> p.score(lines) > 0)
			.max(Comparator.comparingInt(p -> p.score(lines)))
			.map(ConfigParser::vendor);
	}

	/**
	 * Reads a configuration file's content.
	 * @param file the name to report it by
	 * @param content its bytes (UTF-8 or CP932)
	 * @param vendor the dialect to read it as, or {@code null} to detect it
	 */
	public DeviceConfig parse(String file, byte[] content, Vendor vendor) {
		String text = ConfigText.decode(content);
		Vendor chosen = vendor != null && vendor != Vendor.UNKNOWN ? vendor : detect(text).orElse(Vendor.UNKNOWN);
		Optional<ConfigParser> parser = parsers.stream().filter(p -> p.vendor() == chosen).findFirst();
		if (parser.isEmpty()) {
			DeviceConfig.Builder unknown = new DeviceConfig.Builder(file, Vendor.UNKNOWN);
			unknown.note(text.isBlank() ? "ファイルが空です。"
					: "機器の設定ファイルとして判別できませんでした（対応: YAMAHA RTX, FortiGate, Cisco IOS, Cisco ASA, "
							+ "iptables-save, pfSense）。--vendor で種類を指定してください。");
			return unknown.build();
		}
		try {
			return parser.get().parse(file, text);
		}
		catch (RuntimeException ex) {
			// a parser bug must not stop the analysis of the other files; the user is
			// told
			DeviceConfig.Builder failed = new DeviceConfig.Builder(file, chosen);
			failed.note("設定を最後まで読めませんでした（" + ex.getClass().getSimpleName() + "）。結果は不完全です。");
			return failed.build();
		}
	}

}
