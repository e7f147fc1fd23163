package jp.mamori;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;

import static org.assertj.core.api.Assertions.assertThat;

/** How the command line recognises a startup that failed on a locked H2 file. */
class MamoriCommandLineTests {

	@Test
	void recognisesTheH2FileLockDeepInTheCauseChain() {
		// what H2 throws (JdbcSQLNonTransientConnectionException is an SQLException) when
		// a running server holds the file: "Database may be already in use" [90020]
		SQLException locked = new SQLException("Database may be already in use: \"./data/mamori.mv.db\"", "90020",
				90020);
		RuntimeException startup = new BeanCreationException("flywayInitializer",
				new IllegalStateException("Unable to obtain connection", locked));

		assertThat(MamoriCommandLine.isH2FileLocked(startup)).isTrue();
	}

	@Test
	void leavesOtherStartupFailuresAlone() {
		RuntimeException startup = new BeanCreationException("dataSource",
				new SQLException("Wrong user name or password", "28000", 28000));

		assertThat(MamoriCommandLine.isH2FileLocked(startup)).isFalse();
		assertThat(MamoriCommandLine.isH2FileLocked(new IllegalStateException("no database"))).isFalse();
	}

	@Test
	void refusesToRunWhileAnotherProcessHoldsTheH2File(@TempDir Path dir) throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("locked").toAbsolutePath() + ";MODE=PostgreSQL";
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				H2LockHolder.class.getName(), url)
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader lines = new BufferedReader(
					new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
			assertThat(lines.readLine()).isEqualTo("ready");
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();

			int status = MamoriCommandLine.run(
					new String[] { "export", "incident-binder", "--org", "どこか", "--out",
							dir.resolve("b.pdf").toString(), "--spring.datasource.url=" + url },
					new PrintWriter(out, true), new PrintWriter(err, true));

			assertThat(status).isEqualTo(2);
			assertThat(err.toString()).contains(MamoriCommandLine.H2_LOCKED);
		}
		finally {
			holder.getOutputStream().close();
			holder.waitFor(30, TimeUnit.SECONDS);
			holder.destroy();
		}
	}

	@Test
	void explainsTheLockInJapanese() {
		assertThat(MamoriCommandLine.H2_LOCKED).contains("別のプロセス").contains("使用中");
	}

}
