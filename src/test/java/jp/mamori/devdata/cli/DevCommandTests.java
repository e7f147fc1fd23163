package jp.mamori.devdata.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.mamori.MamoriCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mamori dev generate} run as a user would, against a database file. */
class DevCommandTests {

	@TempDir
	Path dir;

	int mamori(StringWriter out, StringWriter err, String... args) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("mamori") + ";MODE=PostgreSQL";
		return MamoriCommandLine.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
	}

	@Test
	void generatesASmallHospitalWithAnAdministratorAndAToken() throws Exception {
		Path password = Files.writeString(dir.resolve("pw.txt"), "Correct-horse-battery-9\n");
		Path token = dir.resolve("token.txt");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int status = mamori(out, err, "dev", "generate", "--org-name", "生成CLI病院", "--devices", "12", "--accounts", "20",
				"--events", "300", "--seed", "3", "--user", "generated-admin", "--password-file", password.toString(),
				"--token-file", token.toString());

		assertThat(status).as(err.toString()).isZero();
		assertThat(out.toString()).contains("機器 12", "アカウント 20", "ログ 300 件").containsPattern("(?m)^org [0-9a-f-]{36}$");
		assertThat(Files.readString(token)).startsWith("mmr_");
	}

	@Test
	void refusesAnUnknownProfile() {
		StringWriter err = new StringWriter();

		int status = mamori(new StringWriter(), err, "dev", "generate", "--org-name", "x", "--profile", "huge");

		assertThat(status).isEqualTo(2);
		assertThat(err.toString()).contains("clinic / hospital500 / group300");
	}

}
