package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.run;
import static jp.mamori.accesslog.rule.Events.series;
import static jp.mamori.accesslog.rule.Events.web;
import static org.assertj.core.api.Assertions.assertThat;

class WebshellAccessRuleTests {

	final WebshellAccessRule rule = new WebshellAccessRule();

	static final Instant START = at("2018-07-11T05:41:28Z");

	static final String ATTACKER = "192.168.105.76";

	@Test
	void flagsTheShellRequestedAfterATomcatManagerUpload() {
		// eas_tomcat_localhost_access_log: scanners probe shell names (404), the attacker
		// uploads a WAR four times, then GET /error/cmd.jsp ×21, all 200
		List<LogEvent> events = Events.all(
				series(START, Duration.ofMillis(100), 600,
						(i, t) -> web(t, i % 2 == 0 ? "192.168.105.83" : "192.168.105.64", "GET",
								List.of("/cmd.jsp", "/shell.jsp", "/error/cmd.jsp", "/c99.php").get(i % 4), 404)
							.build()),
				series(START, Duration.ofMinutes(10), 23,
						(i, t) -> web(t, "192.168.153.46", "GET", "/index.jsp", 200).build()),
				series(at("2018-07-11T11:45:00Z"), Duration.ofSeconds(30), 4,
						(i, t) -> web(t, ATTACKER, "POST", "/manager/html/upload", 200).build()),
				series(at("2018-07-11T11:51:53Z"), Duration.ofSeconds(96), 21,
						(i, t) -> web(i == 20 ? at("2018-07-11T12:25:48Z") : t, ATTACKER, "GET",
								"/error/cmd.jsp?cmd=" + (i == 0 ? "whoami" : "dir"), 200)
							.build()),
				List.of(web(at("2018-07-11T12:30:00Z"), ATTACKER, "GET", "/index.jsp", 200).build()));

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("webshell-access");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.count()).isEqualTo(21);
			assertThat(f.sources()).containsExactly(ATTACKER);
			assertThat(f.first()).isEqualTo(at("2018-07-11T11:51:53Z"));
			assertThat(f.last()).isEqualTo(at("2018-07-11T12:25:48Z"));
			assertThat(f.summary())
				.startsWith(
						"送信元 192.168.105.76 から Web シェルと思われる /error/cmd.jsp へのアクセスが 21 回成功しました（2018/07/11 20:51〜21:25）。")
				.contains("よく知られた Web シェルの名前", "cmd=", "アップロードした後に初めて現れた");
		});
	}

	@Test
	void flagsANewScriptAfterAnUploadFromTheSameSourceOnly() {
		List<LogEvent> events = List.of(web(START, "10.0.0.5", "GET", "/app/index.jsp", 200).build(),
				web(START.plusSeconds(1), "10.0.0.9", "GET", "/status.jsp", 404).build(),
				web(START.plusSeconds(10), ATTACKER, "POST", "/manager/html/upload", 200).build(),
				web(START.plusSeconds(20), ATTACKER, "GET", "/app/index.jsp", 200).build(),
				web(START.plusSeconds(30), ATTACKER, "GET", "/status.jsp", 200).build(),
				web(START.plusSeconds(31), ATTACKER, "GET", "/status.jsp", 200).build(),
				web(START.plusSeconds(40), "10.0.0.5", "GET", "/other/new.jsp", 200).build(),
				web(START.plusSeconds(50), ATTACKER, "GET", "/static/logo.png", 200).build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.count()).isEqualTo(2);
			assertThat(f.summary()).contains("/status.jsp", "アップロードした後に初めて現れたページです").doesNotContain("名前です");
		});
	}

	@Test
	void neverFiresForFailedRequests() {
		List<LogEvent> events = Events.all(
				series(START, Duration.ofMillis(10), 100,
						(i, t) -> web(t, "192.168.105.83", "GET", "/shell.php?cmd=id", 404).build()),
				List.of(web(START, "192.168.105.83", "GET", "/cmd.jsp", 500).build(),
						web(START, "192.168.105.83", "GET", "/cmd.jsp", 302).build()));

		assertThat(run(rule, events)).isEmpty();
	}

	@Test
	void keepsOneFindingPerSourceAndPath() {
		List<LogEvent> events = List.of(web(START, "10.0.0.1", "GET", "/up/wso.php", 200).build(),
				web(START, "10.0.0.2", "GET", "/up/wso.php", 200).build(),
				web(START, "10.0.0.1", "POST", "/up/wso.php", 200).build(),
				web(START, "10.0.0.1", "GET", "/search.aspx?exec=ipconfig", 200).build());

		assertThat(run(rule, events)).extracting(Finding::count).containsExactly(2L, 1L, 1L);
	}

	@ParameterizedTest(name = "{0}: script {1}, shell name {2}")
	@CsvSource({ "/error/cmd.jsp, true, true", "/shell.jsp, true, true", "/cmd.php, true, true",
			"/uploads/c99.php, true, true", "/r57shell.php, true, true", "/b374k-2.8.php, true, true",
			"/wso2.5.php, true, true", "/x/jspspy.jspx, true, true", "/CMD.ASPX, true, true", "/index.jsp, true, false",
			"/login.php, true, false", "/cgi-bin/test.cgi, true, false", "/handler.ashx, true, false",
			"/cmd.txt, false, true", "/images/shell.png, false, true", "/manager/html, false, false",
			"/, false, false" })
	void knowsScriptsAndShellNames(String path, boolean script, boolean shellName) {
		assertThat(WebshellAccessRule.isScript(path)).isEqualTo(script);
		assertThat(WebshellAccessRule.isShellName(path)).isEqualTo(shellName);
	}

}
