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

class WebAdminUploadRuleTests {

	final WebAdminUploadRule rule = new WebAdminUploadRule();

	static final Instant START = at("2018-07-11T11:40:00Z");

	@Test
	void flagsWarUploadsThroughTheTomcatManagerPerSource() {
		// eas_tomcat_localhost_access_log: POST /manager/html/upload 4 × 200 from
		// 192.168.105.76, among 401s and scanners
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(1), 8,
						(i, t) -> web(t, "192.168.105.76", "GET", "/manager/html", 401).build()),
				series(START.plusSeconds(60), Duration.ofSeconds(30), 4,
						(i, t) -> web(t, "192.168.105.76", "POST",
								"/manager/html/upload?org.apache.catalina.filters.CSRF_NONCE=5E3A" + i, 200)
							.build()),
				series(START, Duration.ofMillis(10), 500,
						(i, t) -> web(t, "192.168.105.83", i % 2 == 0 ? "GET" : "POST", "/manager/html/upload", 404)
							.build()));

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("web-admin-upload");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.count()).isEqualTo(4);
			assertThat(f.sources()).containsExactly("192.168.105.76");
			assertThat(f.summary()).startsWith(
					"送信元 192.168.105.76 から 2018/07/11 20:41〜20:42 に、Web サーバーの管理画面を使ったアプリケーションのアップロード・配備（/manager/html/upload）が 4 回成功しました。")
				.contains("Web シェル");
		});
	}

	@ParameterizedTest(name = "{0} {1} → {2}: upload {3}")
	@CsvSource({ "POST, /manager/html/upload, 200, true", "POST, /manager/html/upload, 302, true",
			"POST, /manager/html/upload, 401, false", "POST, /manager/html/upload, 403, false",
			"POST, /manager/html/upload, 500, false", "GET, /manager/html/upload, 200, false",
			"PUT, /manager/text/deploy?path=/shell&update=true, 200, true", "POST, /manager/text/deploy, 200, true",
			"POST, /host-manager/html/add, 200, true", "POST, /jmx-console/HtmlAdaptor, 200, true",
			"POST, /console/console.portal?AppApplicationInstallPortlet_actionOverride=/upload, 200, true",
			"POST, /console/login/LoginForm.jsp, 200, false",
			"POST, /wp-admin/update.php?action=upload-plugin, 200, true",
			"POST, /blog/wp-admin/plugin-install.php, 200, true", "POST, /wp-admin/async-upload.php, 200, false",
			"POST, /admin/file/upload, 200, true", "POST, /admin/login, 200, false", "POST, /upload, 200, false",
			"POST, /manager/html/stop?path=/examples, 200, false" })
	void knowsTheDeploymentPages(String method, String target, int status, boolean upload) {
		assertThat(WebAdminUploadRule.isUpload(web(START, "10.0.0.1", method, target, status).build()))
			.isEqualTo(upload);
	}

}
