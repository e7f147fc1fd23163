package jp.mamori.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.MamoriCommandLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line contract (ARCHITECTURE.md §8), run as a user would, against a database
 * file.
 */
class CommandLineTests {

	@TempDir
	static Path dir;

	static String databaseUrl;

	static final JsonMapper JSON = JsonMapper.builder().build();

	record Result(int status, String out, String err) {

		JsonNode json() {
			return JSON.readTree(out);
		}

	}

	@BeforeAll
	static void database() {
		databaseUrl = "jdbc:h2:file:" + dir.resolve("mamori") + ";MODE=PostgreSQL";
	}

	static Result mamori(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--spring.datasource.url=" + databaseUrl);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = MamoriCommandLine.run(all.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new Result(status, out.toString(), err.toString());
	}

	@Test
	void showsEveryR7InstitutionItemAsJson() {
		Result result = mamori("catalog", "show", "R7", "--form", "institution", "--json");

		assertThat(result.status()).isZero();
		JsonNode doc = result.json();
		assertThat(doc.get("version").asString()).isEqualTo("R7");
		assertThat(doc.get("form").asString()).isEqualTo("institution");
		List<JsonNode> items = new ArrayList<>();
		doc.get("items").forEach(items::add);
		assertThat(items).hasSize(19);
		JsonNode patch = items.stream().filter(i -> i.get("id").asString().equals("2-6")).findFirst().orElseThrow();
		assertThat(patch.get("number").asString()).isEqualTo("⑥");
		assertThat(patch.get("section").asString()).isEqualTo("2");
		assertThat(patch.get("scope").asString()).isEqualTo("医療情報システム全般");
		assertThat(patch.get("text").asString()).isEqualTo("セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。");
		assertThat(patch.get("concept").asString()).isEqualTo("security_patch");
		assertThat(patch.get("reference").asBoolean()).isFalse();
		assertThat(patch.get("confidence").asString()).isEqualTo("V");
		assertThat(items.stream().filter(i -> i.get("section").asString().equals("2"))).hasSize(13);
	}

	@Test
	void showsScopeRowsOfR6AsTheirOwnIds() {
		Result result = mamori("catalog", "show", "R6", "--form", "pharmacy", "--json");

		assertThat(result.status()).isZero();
		List<String> ids = new ArrayList<>();
		result.json().get("items").forEach(i -> ids.add(i.get("id").asString()));
		assertThat(ids).contains("2-7@server", "2-7@pc", "2-7@network", "2-6", "2-8");
	}

	@Test
	void listsVersions() {
		Result result = mamori("catalog", "list", "--json");

		assertThat(result.status()).isZero();
		List<String> versions = new ArrayList<>();
		result.json().get("versions").forEach(v -> versions.add(v.get("version").asString()));
		assertThat(versions).containsSubsequence("R5", "R6", "R7");
	}

	@Test
	void badInputExitsWithTwoAndAJapaneseMessage() {
		Result unknownForm = mamori("catalog", "show", "R7", "--form", "hospital", "--json");
		assertThat(unknownForm.status()).isEqualTo(2);
		assertThat(unknownForm.err()).contains("様式の指定が正しくありません");
		assertThat(unknownForm.out()).isEmpty();

		Result unknownVersion = mamori("catalog", "show", "R99", "--json");
		assertThat(unknownVersion.status()).isEqualTo(2);
		assertThat(unknownVersion.err()).contains("R99");
	}

	@Test
	void importsACatalogFileAndRefusesABrokenOneNamingTheLine() throws Exception {
		Path good = dir.resolve("r8.yaml");
		Files.writeString(good, jp.mamori.support.CatalogSamples.MINIMAL_R8);
		Path bad = dir.resolve("r8-bad.yaml");
		Files.writeString(bad, jp.mamori.support.CatalogSamples.MINIMAL_R8.replace("R8", "R11")
			.replace("security_manager", "no_such_concept"));

		Result refused = mamori("catalog", "import", bad.toString());
		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("15行目").contains("no_such_concept");

		assertThat(mamori("catalog", "import", good.toString()).status()).isZero();
		assertThat(mamori("catalog", "show", "R8", "--json").json().get("items").size()).isEqualTo(1);
	}

	@Test
	void bootstrapsAnOrganisationUserAndTokenThenDetectsATamperedAuditTrail() throws Exception {
		Result org = mamori("admin", "create-org", "--name", "守り薬局", "--kind", "pharmacy", "--json");
		assertThat(org.status()).isZero();
		String orgId = org.json().get("id").asString();

		Path weak = dir.resolve("weak.txt");
		Files.writeString(weak, "password\n");
		Result refused = mamori("admin", "create-user", "--org", orgId, "--username", "yakuzaishi", "--password-file",
				weak.toString(), "--role", "admin");
		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("8文字以上");

		Path strong = dir.resolve("strong.txt");
		Files.writeString(strong, "Kusuri-2025!safe\n");
		assertThat(mamori("admin", "create-user", "--org", orgId, "--username", "yakuzaishi", "--password-file",
				strong.toString(), "--role", "admin")
			.status()).isZero();

		Result token = mamori("admin", "create-token", "--org", "守り薬局", "--username", "yakuzaishi", "--json");
		assertThat(token.status()).isZero();
		assertThat(token.json().get("token").asString()).startsWith("mmr_");

		assertThat(mamori("audit", "verify").status()).isZero();
		try (Connection c = DriverManager.getConnection(databaseUrl, "sa", ""); Statement s = c.createStatement()) {
			s.executeUpdate("update audit_entry set actor = 'someone-else' where seq = 2");
		}
		Result verify = mamori("audit", "verify");
		assertThat(verify.status()).isEqualTo(1);
		assertThat(verify.err()).contains("エントリ 2");
	}

}
