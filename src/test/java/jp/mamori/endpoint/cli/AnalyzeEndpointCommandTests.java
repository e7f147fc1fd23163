package jp.mamori.endpoint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jp.mamori.MamoriCommandLine;
import jp.mamori.endpoint.facts.CollectorExamples;
import jp.mamori.endpoint.facts.CollectorScript;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mamori analyze endpoint --json} and {@code mamori collector script}: offline (no
 * Spring), the JSON contract ({@code files[]} with file/status/hostname/message,
 * {@code findings[]} with id/severity/hostname/file/summary/fix/evidence), a bad file
 * reported without stopping the others.
 */
class AnalyzeEndpointCommandTests {

	record Run(int status, String out, String err) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(out);
		}

	}

	static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = MamoriCommandLine.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(status, out.toString(), err.toString());
	}

	static String example(String name) {
		try {
			return Path.of(AnalyzeEndpointCommandTests.class.getResource("/endpoint/" + name).toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void printsTheJsonContract() {
		Run run = run("analyze", "endpoint", "--json", example(CollectorExamples.WIN10),
				example(CollectorExamples.WIN11), example(CollectorExamples.MALFORMED));
		assertThat(run.status()).as(run.err()).isZero();
		JsonNode files = run.json().get("files");
		assertThat(files).hasSize(3);
		assertThat(files.get(0).get("status").asString()).isEqualTo("ok");
		assertThat(files.get(0).get("hostname").asString()).isEqualTo("UKETSUKE-PC01");
		assertThat(files.get(2).get("status").asString()).isEqualTo("error");
		assertThat(files.get(2).get("message").asString()).contains("JSON として読めません");
		JsonNode first = run.json().get("findings").get(0);
		assertThat(first.propertyNames()).containsExactly("id", "severity", "hostname", "file", "summary", "fix",
				"evidence");
		assertThat(run.json().get("findings").findValuesAsString("id")).contains("av-disabled", "shared-local-admin",
				"av-signatures-old");
		assertThat(run.json().get("findings").findValuesAsString("severity")).isSubsetOf("high", "medium", "low",
				"info");
	}

	@Test
	void printsJapaneseTextWithoutJson() {
		Run run = run("analyze", "endpoint", example(CollectorExamples.SERVER2016));
		assertThat(run.status()).isZero();
		assertThat(run.out()).contains("■ 検出").contains("unneeded-service").contains("EMR-SV01");
	}

	@Test
	void exitsWithTwoWhenNoFileCanBeRead() {
		Run run = run("analyze", "endpoint", "--json", example(CollectorExamples.UNSUPPORTED));
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).contains("スキーマのバージョン「2」");
	}

	@Test
	void printsTheCollectorScript() {
		Run run = run("collector", "script");
		assertThat(run.status()).isZero();
		assertThat(run.out()).isEqualTo(new String(CollectorScript.bytes(), StandardCharsets.US_ASCII));
		assertThat(run.out()).startsWith("<#").contains("Collect-MamoriFacts.ps1");
	}

}
