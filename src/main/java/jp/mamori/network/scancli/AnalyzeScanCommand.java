package jp.mamori.network.scancli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.mamori.network.scan.DeviceMatcher;
import jp.mamori.network.scan.HostAddress;
import jp.mamori.network.scan.LedgerDevice;
import jp.mamori.network.scan.NmapScan;
import jp.mamori.network.scan.NmapXmlReader;
import jp.mamori.network.scan.OsGuess;
import jp.mamori.network.scan.ScanFinding;
import jp.mamori.network.scan.ScanReview;
import jp.mamori.network.scan.ScannedHost;
import jp.mamori.network.scan.ScannedPort;
import jp.mamori.shared.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mamori analyze scan FILE.xml… [--inventory FILE] --json}: reads nmap XML scans
 * offline (no database, nothing stored), compares them with the device ledger when one is
 * given and prints the files, the hosts that answered and the findings — as JSON with
 * {@code --json} (a contract relied on by tests outside this repository), else as
 * Japanese text.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
		description = "nmap のスキャン結果（-oX の XML）を機器台帳と照合します（データベース不要） / compare nmap XML scans with the device ledger offline")
public class AnalyzeScanCommand implements Callable<Integer> {

	@Option(names = "--inventory", paramLabel = "FILE",
			description = "機器台帳（.xlsx/.csv、または name,hostname,ip,mac の CSV、GLPI の JSON） / device ledger export")
	Path inventory;

	@Option(names = "--encoding", defaultValue = "auto",
			description = "台帳 CSV の文字コード auto|utf-8|cp932 / encoding of a CSV ledger")
	String encoding;

	@Option(names = "--json", description = "JSONで出力 / print JSON")
	boolean jsonOutput;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "nmap -oX の XML ファイル / nmap XML files")
	List<Path> files;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				throw new BadInputException("ファイルが見つかりません: " + file);
			}
		}
		if (inventory != null && !Files.isRegularFile(inventory)) {
			throw new BadInputException("台帳のファイルが見つかりません: " + inventory);
		}
		NmapXmlReader reader = new NmapXmlReader();
		List<NmapScan> scans = new ArrayList<>();
		for (Path file : files) {
			try (InputStream in = Files.newInputStream(file)) {
				scans.add(reader.read(in, file.toString()));
			}
		}
		List<LedgerDevice> ledger = null;
		List<String> notes = new ArrayList<>();
		if (inventory != null) {
			LedgerDeviceFile.Read read = LedgerDeviceFile.read(inventory.getFileName().toString(),
					Files.readAllBytes(inventory), encoding);
			ledger = read.devices();
			notes.addAll(read.notes());
		}
		ScanReview.Result result = ScanReview.review(scans, ledger);
		notes.addAll(result.notes());
		if (ledger == null) {
			notes.add("台帳（--inventory）を指定していないため、台帳にない機器・応答しない台帳の機器は調べていません");
		}
		PrintWriter out = spec.commandLine().getOut();
		if (jsonOutput) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("files", scans.stream().map(AnalyzeScanCommand::fileJson).toList());
			json.put("hosts", result.hosts().stream().map(AnalyzeScanCommand::hostJson).toList());
			json.put("findings", result.findings().stream().map(AnalyzeScanCommand::findingJson).toList());
			json.put("targets", result.targets());
			json.put("ledgerCompared", result.ledgerCompared());
			json.put("ledgerDevices", ledger == null ? null : ledger.size());
			json.put("notes", notes);
			out.println(
					JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
		}
		else {
			printText(out, scans, result, notes);
		}
		out.flush();
		return 0;
	}

	static Map<String, Object> fileJson(NmapScan scan) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("file", scan.file());
		m.put("scanner", scan.scannerVersion() == null ? null : "nmap " + scan.scannerVersion());
		m.put("args", scan.args());
		m.put("start", scan.start() == null ? null : scan.start().toString());
		m.put("hosts", scan.hosts().size());
		m.put("up", scan.upHosts().size());
		m.put("ports", scan.openPortCount());
		m.put("truncated", scan.truncated());
		m.put("notes", scan.notes());
		return m;
	}

	static Map<String, Object> hostJson(ScanReview.ReviewedHost reviewed) {
		ScannedHost host = reviewed.host();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("address", host.address());
		m.put("addresses", host.ipAddresses());
		m.put("hostname", host.hostname());
		m.put("hostnames", host.hostnames());
		m.put("mac", host.mac().map(HostAddress::address).orElse(null));
		m.put("vendor", host.mac().map(HostAddress::vendor).orElse(null));
		m.put("os", host.os().map(OsGuess::name).orElse(null));
		m.put("osAccuracy", host.os().map(OsGuess::accuracy).orElse(null));
		m.put("device", reviewed.device().map(d -> d.device().label()).orElse(null));
		m.put("matchedBy", reviewed.device().map(DeviceMatcher.Match::by).orElse(null));
		m.put("ports", host.openPorts().stream().map(AnalyzeScanCommand::portJson).toList());
		return m;
	}

	static Map<String, Object> portJson(ScannedPort port) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("port", port.port());
		m.put("protocol", port.protocol());
		m.put("state", port.state());
		m.put("service", port.service());
		m.put("product", port.product());
		m.put("version", port.version());
		m.put("extrainfo", port.extraInfo());
		m.put("tunnel", port.tunnel());
		m.put("cpe", port.cpes());
		return m;
	}

	static Map<String, Object> findingJson(ScanFinding f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.id());
		m.put("severity", f.severity().id());
		m.put("address", f.address());
		m.put("hostname", f.hostname());
		m.put("mac", f.mac());
		m.put("port", f.port());
		m.put("protocol", f.protocol());
		m.put("service", f.service());
		m.put("product", f.product());
		m.put("version", f.version());
		m.put("device", f.device());
		m.put("summary", f.summary());
		m.put("fix", f.fix());
		return m;
	}

	private static void printText(PrintWriter out, List<NmapScan> scans, ScanReview.Result result, List<String> notes) {
		out.println("■ 読み込んだスキャン");
		for (NmapScan scan : scans) {
			out.printf("  %s（ホスト %d件、応答 %d件、開いているポート %d件%s）%n", scan.file(), scan.hosts().size(), scan.upHosts().size(),
					scan.openPortCount(), scan.truncated() ? "、途中で終わっています" : "");
			scan.notes().forEach(n -> out.println("    ※ " + n));
		}
		out.println("■ 応答した機器 " + result.hosts().size() + "台");
		for (ScanReview.ReviewedHost reviewed : result.hosts()) {
			ScannedHost host = reviewed.host();
			String device = reviewed.device()
				.map(d -> "台帳: " + d.device().label())
				.orElse(result.ledgerCompared() ? "台帳になし" : "");
			out.println("  " + words(host.address(), host.hostname(), device));
			for (ScannedPort port : host.openPorts()) {
				out.println("      "
						+ words(port.protocol() + "/" + port.port(), port.service(), port.product(), port.version()));
			}
		}
		out.println("■ 検出 " + result.findings().size() + "件");
		for (ScanFinding f : result.findings()) {
			out.printf("  [%s] %s %s%n      %s%n      対処: %s%n", f.severity().label(), f.id(), f.address(), f.summary(),
					f.fix());
		}
		notes.forEach(n -> out.println("※ " + n));
	}

	/** The present, non-blank parts joined by one space. */
	private static String words(String... parts) {
		List<String> present = new ArrayList<>();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				present.add(part);
			}
		}
		return String.join(" ", present);
	}

}
