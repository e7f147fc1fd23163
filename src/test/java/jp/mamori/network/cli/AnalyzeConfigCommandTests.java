package jp.mamori.network.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.MamoriCommandLine;
import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mamori analyze config --json}: offline (no Spring), the JSON contract
 * ({@code files[]} with file/vendor/rules, {@code findings[]} with
 * id/severity/file/line/rule/service/interface/summary) and the shared samples' ground
 * truth.
 */
class AnalyzeConfigCommandTests {

	record Run(int status, String out, String err) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(out);
		}

		List<JsonNode> findings(String id) {
			List<JsonNode> found = new ArrayList<>();
			json().get("findings").forEach(f -> {
				if (f.get("id").asString().equals(id)) {
					found.add(f);
				}
			});
			return found;
		}

	}

	static Run analyze(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		String[] all = new String[args.length + 2];
		all[0] = "analyze";
		all[1] = "config";
		System.arraycopy(args, 0, all, 2, args.length);
		int status = MamoriCommandLine.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(status, out.toString(), err.toString());
	}

	static String fixture(String name) {
		try {
			return Path.of(AnalyzeConfigCommandTests.class.getResource("/network/" + name).toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void printsTheJsonContract() {
		Run run = analyze("--json", fixture("fortigate-clinic.conf"), fixture("rtx-clinic.txt"));
		assertThat(run.status()).as(run.err()).isZero();
		JsonNode files = run.json().get("files");
		assertThat(files.get(0).get("file").asString()).endsWith("fortigate-clinic.conf");
		assertThat(files.get(0).get("vendor").asString()).isEqualTo("fortigate");
		assertThat(files.get(0).get("rules").asInt()).isEqualTo(6);
		assertThat(files.get(1).get("vendor").asString()).isEqualTo("rtx");
		JsonNode rdp = run.findings("any-source-allowed").get(0);
		assertThat(rdp.get("severity").asString()).isEqualTo("high");
		assertThat(rdp.get("file").asString()).endsWith("fortigate-clinic.conf");
		assertThat(rdp.get("line").asInt()).isPositive();
		assertThat(rdp.get("rule").asString()).isEqualTo("2 (RDP-from-anywhere)");
		assertThat(rdp.get("service").asString()).contains("3389");
		assertThat(rdp.get("interface").asString()).isEqualTo("wan1");
		assertThat(rdp.get("summary").asString()).contains("どこからでも");
		assertThat(rdp.get("fix").asString()).contains("set srcaddr");
		assertThat(run.findings("any-source-allowed")).hasSize(3);
	}

	@Test
	void vendorOverrideAndArgumentErrors() {
		Run forced = analyze("--json", "--vendor", "iptables", fixture("rtx-clinic.txt"));
		assertThat(forced.json().get("files").get(0).get("vendor").asString()).isEqualTo("iptables");
		Run badVendor = analyze("--vendor", "juniper", fixture("rtx-clinic.txt"));
		assertThat(badVendor.status()).isEqualTo(2);
		assertThat(badVendor.err()).contains("--vendor");
		Run missing = analyze("--json", "no-such-config.txt");
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("ファイルが見つかりません");
	}

	@Test
	void unreadableFileIsReportedNotFatal(@TempDir Path dir) throws java.io.IOException {
		Path junk = dir.resolve("junk.txt");
		Files.writeString(junk, "hello\nworld\n");
		Run run = analyze("--json", junk.toString());
		assertThat(run.status()).isZero();
		JsonNode file = run.json().get("files").get(0);
		assertThat(file.get("vendor").asString()).isEqualTo("unknown");
		assertThat(file.get("notes").get(0).asString()).contains("判別できませんでした");
		assertThat(run.json().get("findings")).isEmpty();
	}

	@Test
	void printsJapaneseTextWithoutJson() {
		Run run = analyze(fixture("ios-branch.cfg"));
		assertThat(run.status()).isZero();
		assertThat(run.out()).contains("読み込んだ設定ファイル").contains("telnet-enabled").contains("対策:");
	}

	@Test
	void rtx1100SampleGroundTruth() {
		Run run = analyze("--json", SharedSamples.sample("net-config/rtx1100_config_redacted.txt").toString());
		assertThat(run.json().get("files").get(0).get("vendor").asString()).isEqualTo("rtx");
		assertThat(run.json().get("files").get(0).get("rules").asInt()).isZero();
		assertThat(run.findings("no-inbound-filter")).singleElement()
			.satisfies(f -> assertThat(f.get("interface").asString()).isEqualTo("lan2"));
		assertThat(run.findings("port-forward-exposed")).extracting(f -> f.get("service").asString())
			.containsExactly("tcp/22 (SSH)", "tcp/69 (TFTP)");
		assertThat(run.findings("management-open")).extracting(f -> f.get("rule").asString())
			.containsExactlyInAnyOrder("http", "tftp", "ssh");
	}

	@Test
	void fortiosSampleGroundTruth() {
		Run run = analyze("--json", SharedSamples.sample("net-config/batfish_fortios_firewall_policy.conf").toString());
		assertThat(run.json().get("files").get(0).get("vendor").asString()).isEqualTo("fortigate");
		assertThat(run.json().get("files").get(0).get("rules").asInt()).isEqualTo(5);
		assertThat(run.findings("any-source-allowed")).extracting(f -> f.get("rule").asString())
			.containsExactly("2", "3");
	}

}
