package jp.mamori.network.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.mamori.support.SharedSamples;

/** Object mother for configurations: fixtures, shared samples and inline text. */
final class Configs {

	private Configs() {
	}

	static DeviceConfig fixture(String name) {
		try (InputStream in = Configs.class.getResourceAsStream("/network/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return ConfigParsers.standard().parse(name, in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DeviceConfig sample(String relative) {
		Path path = SharedSamples.sample("net-config/" + relative);
		try {
			return ConfigParsers.standard().parse(path.getFileName().toString(), Files.readAllBytes(path), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DeviceConfig text(Vendor vendor, String text) {
		return ConfigParsers.standard().parse("inline", text.getBytes(StandardCharsets.UTF_8), vendor);
	}

	static List<ConfigFinding> findings(DeviceConfig config) {
		return new RestrictionAnalysis().analyse(config);
	}

	static List<ConfigFinding> findings(DeviceConfig config, FindingKind kind) {
		return findings(config).stream().filter(f -> f.kind() == kind).toList();
	}

}
