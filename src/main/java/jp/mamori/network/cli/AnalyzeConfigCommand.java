package jp.mamori.network.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.mamori.network.config.ConfigFinding;
import jp.mamori.network.config.ConfigParsers;
import jp.mamori.network.config.DeviceConfig;
import jp.mamori.network.config.RestrictionAnalysis;
import jp.mamori.network.config.Vendor;
import jp.mamori.shared.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mamori analyze config FILE…}: reads router and firewall configurations offline
 * (no database, nothing stored) and prints the connection-source findings (checklist item
 * 2-⑬) — as JSON with {@code --json} (a contract relied on by tests outside this
 * repository: field names never change), else as Japanese text.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
		description = "ルーター・ファイアウォールの設定を解析します（データベース不要） / analyse device configurations offline")
public class AnalyzeConfigCommand implements Callable<Integer> {

	/** Configurations are text of a few hundred kilobytes; refuse what cannot be one. */
	static final long MAX_BYTES = 32L * 1024 * 1024;

	@Option(names = "--vendor", defaultValue = "auto", description = "auto|rtx|fortigate|ios|asa|iptables|pfsense")
	String vendor;

	@Option(names = "--json", description = "JSONで出力 / print JSON")
	boolean jsonOutput;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "設定ファイル / configuration files")
	List<Path> files;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		Vendor chosen = "auto".equalsIgnoreCase(vendor) ? null
				: Vendor.ofId(vendor)
					.orElseThrow(() -> new BadInputException(
							"--vendor が正しくありません: " + vendor + "（auto, rtx, fortigate, ios, asa, iptables, pfsense）"));
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				throw new BadInputException("ファイルが見つかりません: " + file);
			}
			if (Files.size(file) > MAX_BYTES) {
				throw new BadInputException("ファイルが大きすぎます（32MBまで）: " + file);
			}
		}
		ConfigParsers parsers = ConfigParsers.standard();
		RestrictionAnalysis analysis = new RestrictionAnalysis();
		List<Map<String, Object>> fileJson = new ArrayList<>();
		List<ConfigFinding> findings = new ArrayList<>();
		for (Path file : files) {
			DeviceConfig config = parsers.parse(file.toString(), Files.readAllBytes(file), chosen);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("file", file.toString());
			entry.put("vendor", config.vendor().id());
			entry.put("rules", config.rules().size());
			entry.put("hostname", config.hostname());
			entry.put("skipped", config.skipped());
			entry.put("notes", config.notes());
			fileJson.add(entry);
			findings.addAll(analysis.analyse(config));
		}
		PrintWriter out = spec.commandLine().getOut();
		if (jsonOutput) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("files", fileJson);
			result.put("findings", findings.stream().map(AnalyzeConfigCommand::findingJson).toList());
			JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
			out.println(json.writeValueAsString(result));
		}
		else {
			printText(out, fileJson, findings);
		}
		out.flush();
		return 0;
	}

	static Map<String, Object> findingJson(ConfigFinding f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.id());
		m.put("severity", f.severity().id());
		m.put("file", f.file());
		m.put("line", f.line());
		m.put("rule", f.rule());
		m.put("service", f.service());
		m.put("interface", f.iface());
		m.put("summary", f.summary());
		m.put("fix", f.fix());
		m.put("evidence", f.evidence());
		return m;
	}

	private static void printText(PrintWriter out, List<Map<String, Object>> files, List<ConfigFinding> findings) {
		out.println("■ 読み込んだ設定ファイル");
		for (Map<String, Object> f : files) {
			out.printf("  %s [%s] ルール %s件（読めない行 %s件）%n", f.get("file"), f.get("vendor"), f.get("rules"),
					f.get("skipped"));
			@SuppressWarnings("unchecked")
			List<String> notes = (List<String>) f.get("notes");
			for (String note : notes) {
				out.println("    ※ " + note);
			}
		}
		out.println("■ 検出 " + findings.size() + "件");
		for (ConfigFinding f : findings) {
			out.printf("  [%s] %s  %s %s行目%s%n      %s%n", f.severity().label(), f.id(), f.file(), f.line(),
					f.rule().isEmpty() ? "" : "  " + f.rule(), f.summary());
			if (!f.fix().isEmpty()) {
				out.println("      対策: " + f.fix().replace("\n", "\n            "));
			}
		}
	}

}
