package jp.mamori.accesslog.cli;

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
 * {@code mamori analyze logs --json}: offline (no Spring, no database), the JSON contract
 * ({@code files[]} and {@code findings[]} with their fields), and the ground truth of the
 * shared samples.
 */
class AnalyzeLogsCommandTests {

	record Run(int status, String out, String err) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(out);
		}

		List<JsonNode> findings(String rule) {
			List<JsonNode> found = new ArrayList<>();
			json().get("findings").forEach(f -> {
				if (f.get("rule").asString().equals(rule)) {
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
		all[1] = "logs";
		System.arraycopy(args, 0, all, 2, args.length);
		int status = MamoriCommandLine.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(status, out.toString(), err.toString());
	}

	static String fixture() {
		try {
			return Path.of(AnalyzeLogsCommandTests.class.getResource("/accesslog/import/clinic-secure.log").toURI())
				.toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void printsFilesAndFindingsAsJson() {
		Run run = analyze("--json", fixture());
		assertThat(run.status()).as(run.err()).isZero();
		JsonNode file = run.json().get("files").get(0);
		assertThat(file.get("format").asString()).isEqualTo("linux");
		assertThat(file.get("events").asLong()).isEqualTo(10);
		assertThat(file.get("skipped").asLong()).isZero();
		assertThat(file.get("first").asString()).endsWith("Z");
		JsonNode bruteForce = run.findings("brute-force").get(0);
		assertThat(bruteForce.get("severity").asString()).isEqualTo("high");
		assertThat(bruteForce.get("count").asLong()).isEqualTo(8);
		assertThat(bruteForce.get("accounts").get(0).asString()).isEqualTo("root");
		assertThat(bruteForce.get("sources").get(0).asString()).isEqualTo("203.0.113.50");
		assertThat(bruteForce.get("hosts").get(0).asString()).isEqualTo("emr-sv01");
		assertThat(bruteForce.get("summary").asString()).contains("root");
		assertThat(bruteForce.has("first")).isTrue();
		assertThat(bruteForce.has("last")).isTrue();
	}

	@Test
	void businessHoursDecideWhatIsOffHours(@TempDir Path dir) throws java.io.IOException {
		// a Friday night with the year written (RFC 5424), so the day of the week is
		// fixed
		Path log = dir.resolve("secure");
		Files.writeString(log, "<38>1 2025-06-13T23:10:30+09:00 emr-sv01 sshd 2109 - - "
				+ "Accepted password for sato from 192.0.2.10 port 50009 ssh2\n");
		assertThat(analyze("--json", log.toString()).findings("off-hours-logon")).singleElement()
			.satisfies(f -> assertThat(f.get("accounts").get(0).asString()).isEqualTo("sato"));
		assertThat(analyze("--json", "--business-hours", "08:00-23:30", log.toString()).findings("off-hours-logon"))
			.isEmpty();
		Run bad = analyze("--json", "--business-hours", "8時から", log.toString());
		assertThat(bad.status()).isEqualTo(2);
		assertThat(bad.err()).contains("08:00-19:00");
	}

	@Test
	void saysInJapaneseWhatIsWrongWithTheArguments() {
		Run missing = analyze("--json", "no-such-file.log");
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("ファイルが見つかりません");
		Run badFormat = analyze("--format", "word", fixture());
		assertThat(badFormat.status()).isEqualTo(2);
		assertThat(badFormat.err()).contains("--format");
	}

	@Test
	void printsJapaneseTextWithoutJson() {
		Run run = analyze(fixture());
		assertThat(run.status()).isZero();
		assertThat(run.out()).contains("読み込んだファイル").contains("brute-force");
	}

	@Test
	void openSshSampleHasBruteForceButNoSuccessAfterFailures() {
		Run run = analyze("--json", SharedSamples.sample("linux-auth/loghub_OpenSSH_2k.log").toString());
		assertThat(run.status()).as(run.err()).isZero();
		JsonNode root = run.findings("brute-force")
			.stream()
			.filter(f -> f.get("accounts").get(0).asString().equals("root"))
			.findFirst()
			.orElseThrow();
		assertThat(root.get("count").asLong()).isEqualTo(370);
		// the only success (fztu from 119.137.62.142) comes from an address with no
		// failures
		assertThat(run.findings("success-after-failures")).isEmpty();
	}

	@Test
	void tomcatSampleShowsTheWarUploadAndTheWebshell() {
		Run run = analyze("--json", SharedSamples.sample("web-access/eas_tomcat_localhost_access_log.txt").toString());
		assertThat(run.status()).as(run.err()).isZero();
		JsonNode file = run.json().get("files").get(0);
		assertThat(file.get("format").asString()).isEqualTo("clf");
		assertThat(file.get("events").asLong()).isEqualTo(2647);
		assertThat(file.get("skipped").asLong()).isEqualTo(14);
		JsonNode upload = run.findings("web-admin-upload").get(0);
		assertThat(upload.get("count").asLong()).isEqualTo(4);
		assertThat(upload.get("sources").get(0).asString()).isEqualTo("192.168.105.76");
		JsonNode shell = run.findings("webshell-access")
			.stream()
			.filter(f -> f.get("count").asLong() == 21)
			.findFirst()
			.orElseThrow();
		assertThat(shell.get("sources").get(0).asString()).isEqualTo("192.168.105.76");
	}

	@Test
	void apacheErrorLogIsReadAsAnErrorLog() {
		Run run = analyze("--json", SharedSamples.sample("web-access/loghub_Apache_2k_error.log").toString());
		assertThat(run.json().get("files").get(0).get("format").asString()).isEqualTo("errorlog");
		assertThat(run.findings("web-admin-upload")).isEmpty();
	}

	@Test
	void fortiGateSampleShowsTheVpnAndAdminLogins() {
		Run run = analyze("--json", SharedSamples.sample("fw-syslog/beats_fortinet_event.log").toString());
		assertThat(run.json().get("files").get(0).get("events").asLong()).isEqualTo(27);
		JsonNode vpn = run.findings("vpn-login").get(0);
		assertThat(vpn.get("accounts").get(0).asString()).isEqualTo("someuser");
		assertThat(vpn.get("sources").get(0).asString()).isEqualTo("8.8.5.4");
		JsonNode admin = run.findings("firewall-admin-login").get(0);
		assertThat(admin.get("accounts").get(0).asString()).isEqualTo("admin");
		assertThat(admin.get("sources").get(0).asString()).isEqualTo("172.16.200.254");
	}

	static Run evtx(String name) {
		Run run = analyze("--json", SharedSamples.sample("windows-evtx/" + name).toString());
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.json().get("files").get(0).get("format").asString()).isEqualTo("evtx");
		return run;
	}

	static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	@Test
	void windowsSamplesGiveTheirFindings() {
		assertThat(evtx("eas_1102-security-log-cleared.evtx").findings("log-cleared")).singleElement()
			.satisfies(f -> assertThat(texts(f.get("accounts"))).containsExactly("EXAMPLE\\user01"));
		assertThat(evtx("mitre_4625-openssh-bruteforce-valid-user.evtx").findings("brute-force")).singleElement()
			.satisfies(f -> {
				assertThat(f.get("count").asLong()).isEqualTo(5);
				assertThat(texts(f.get("accounts"))).containsExactly("admmig@offsec.lan");
			});
		// burst detection without any source address
		assertThat(evtx("mitre_4625-local-bruteforce-accountrestore.evtx").findings("brute-force"))
			.extracting(f -> texts(f.get("accounts")).get(0))
			.containsExactlyInAnyOrder("WIN\\Admin", "WIN\\Administrator");
		assertThat(evtx("mitre_4720-4726-fast-create-delete.evtx").findings("account-created-and-deleted"))
			.singleElement()
			.satisfies(f -> assertThat(texts(f.get("accounts"))).contains("OFFSEC\\admin-kriss"));
		// the member of Administrators is known only by SID: resolved from the 4720
		// before it
		assertThat(evtx("deepblue_new-user-security.evtx").findings("admin-group-added")).singleElement()
			.satisfies(f -> assertThat(texts(f.get("accounts"))).contains("IE8Win7\\IEUser"));
		assertThat(evtx("mitre_4732-added-to-local-admin-groups.evtx").findings("admin-group-added")).singleElement()
			.satisfies(f -> assertThat(texts(f.get("accounts")))
				.contains("S-1-5-21-1470532092-3758209836-3742276719-1001"));
		assertThat(evtx("eas_mssql-18456-failed-logons.evtx").findings("sql-login-failures")).singleElement()
			.satisfies(f -> {
				assertThat(f.get("count").asLong()).isEqualTo(10);
				assertThat(texts(f.get("accounts"))).contains("sa", "root");
				assertThat(texts(f.get("sources"))).containsExactly("10.0.2.17");
			});
		assertThat(evtx("eas_4625-then-4624-same-user.evtx").findings("success-after-failures")).singleElement()
			.satisfies(f -> assertThat(texts(f.get("accounts"))).containsExactly("MSEDGEWIN10\\IEUser"));
	}

	@Test
	void rdpSamplesShowTunnellingAndRemoteLogons() {
		Run tunnelling = evtx("eas_rdp-tunneling-4624.evtx");
		assertThat(tunnelling.findings("rdp-loopback")).singleElement().satisfies(f -> {
			assertThat(f.get("count").asLong()).isEqualTo(1);
			assertThat(texts(f.get("accounts"))).containsExactly("PC02\\IEUser");
			assertThat(texts(f.get("sources"))).containsExactly("127.0.0.1");
		});
		Run rdp = evtx("eas_rdp-1149-remoteconnectionmanager.evtx");
		assertThat(rdp.findings("rdp-loopback")).singleElement()
			.satisfies(f -> assertThat(texts(f.get("accounts"))).containsExactly("example\\admin01"));
		// 1149 per user and source: admin01 from 10.0.2.15 x6, 127.0.0.1, fe80::…;
		// administrator x2; IEUser x1
		assertThat(rdp.findings("remote-logon"))
			.extracting(f -> texts(f.get("accounts")).get(0) + " " + texts(f.get("sources")).get(0) + " "
					+ f.get("count").asLong())
			.containsExactlyInAnyOrder("example\\admin01 10.0.2.15 6", "example\\admin01 127.0.0.1 1",
					"example\\admin01 fe80::80ac:4126:fa58:1b81%10 1", "ie11win7\\administrator 10.0.2.16 2",
					"PC01\\IEUser 10.0.2.16 1");
	}

}
