package jp.mamori.endpoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.mamori.endpoint.facts.CollectorFileReader;
import jp.mamori.endpoint.facts.EndpointAnalysis;
import jp.mamori.endpoint.facts.EndpointFacts;
import jp.mamori.endpoint.facts.EndpointFinding;
import jp.mamori.endpoint.facts.ServicePolicy;
import jp.mamori.endpoint.facts.UnreadableFactsException;
import jp.mamori.shared.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mamori analyze endpoint FILE…}: reads collector files offline (no database,
 * nothing stored) and prints the findings per machine — as JSON with {@code --json}
 * (field names and finding ids are a contract), else as Japanese text. A file that cannot
 * be read is reported in {@code files} with its message and does not stop the others;
 * exit status 2 only when no file could be read at all.
 */
@Command(name = "endpoint", mixinStandardHelpOptions = true,
		description = "端末・サーバの収集ファイル（Collect-MamoriFacts.ps1 の出力）を解析します（データベース不要） / analyse collector files offline")
public class AnalyzeEndpointCommand implements Callable<Integer> {

	@Option(names = "--json", description = "JSONで出力 / print JSON")
	boolean jsonOutput;

	@Option(names = "--service-policy", paramLabel = "FILE",
			description = "不要なサービスの一覧に加える行（deny|allow<TAB>役割<TAB>サービス名<TAB>理由） / extra service policy lines")
	Path servicePolicy;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "収集ファイル（.json） / collector files")
	List<Path> files;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		EndpointAnalysis analysis = EndpointAnalysis.standard();
		if (servicePolicy != null) {
			if (!Files.isRegularFile(servicePolicy)) {
				throw new BadInputException("ファイルが見つかりません: " + servicePolicy);
			}
			analysis = analysis.withServicePolicy(ServicePolicy.builtIn()
				.with(servicePolicy.toString(), Files.readString(servicePolicy, StandardCharsets.UTF_8)));
		}
		List<Map<String, Object>> fileJson = new ArrayList<>();
		List<EndpointFacts> machines = new ArrayList<>();
		for (Path file : files) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("file", file.toString());
			try {
				if (!Files.isRegularFile(file)) {
					throw new UnreadableFactsException(file + ": ファイルが見つかりません。");
				}
				if (Files.size(file) > CollectorFileReader.MAX_BYTES) {
					throw new UnreadableFactsException(file + ": ファイルが大きすぎます（8MBまで）。");
				}
				EndpointFacts facts = CollectorFileReader.read(file.toString(), Files.readAllBytes(file));
				machines.add(facts);
				entry.put("status", "ok");
				entry.put("hostname", facts.hostname());
				entry.put("os", facts.os() == null ? null : facts.os().caption());
				entry.put("collectedAt", facts.collectedAt().toString());
				entry.put("unreadSections", facts.errors().size());
				entry.put("message", null);
			}
			catch (UnreadableFactsException ex) {
				entry.put("status", "error");
				entry.put("hostname", null);
				entry.put("message", ex.getMessage());
			}
			fileJson.add(entry);
		}
		if (machines.isEmpty()) {
			throw new BadInputException("読める収集ファイルがありません: "
					+ String.join(" / ", fileJson.stream().map(f -> String.valueOf(f.get("message"))).toList()));
		}
		List<EndpointFinding> findings = analysis.analyse(machines);
		PrintWriter out = spec.commandLine().getOut();
		if (jsonOutput) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("files", fileJson);
			result.put("findings", findings.stream().map(AnalyzeEndpointCommand::findingJson).toList());
			out.println(
					JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(result));
		}
		else {
			printText(out, fileJson, findings);
		}
		out.flush();
		return 0;
	}

	static Map<String, Object> findingJson(EndpointFinding f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.id());
		m.put("severity", f.severity().id());
		m.put("hostname", f.hostname());
		m.put("file", f.file());
		m.put("summary", f.summary());
		m.put("fix", f.fix());
		m.put("evidence", f.evidence());
		return m;
	}

	private static void printText(PrintWriter out, List<Map<String, Object>> files, List<EndpointFinding> findings) {
		out.println("■ 読み込んだ収集ファイル");
		for (Map<String, Object> f : files) {
			if ("ok".equals(f.get("status"))) {
				out.printf("  %s  %s（%s）読めなかった項目 %s%n", f.get("file"), f.get("hostname"), f.get("os"),
						f.get("unreadSections"));
			}
			else {
				out.printf("  %s  読めません: %s%n", f.get("file"), f.get("message"));
			}
		}
		out.println("■ 検出 " + findings.size() + "件");
		for (EndpointFinding f : findings) {
			out.printf("  [%s] %s  %s%n      %s%n      対策: %s%n", f.severity().label(), f.id(), f.hostname(),
					f.summary(), f.fix());
		}
	}

}
