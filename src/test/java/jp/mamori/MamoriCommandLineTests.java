package jp.mamori;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
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
	void explainsTheLockInJapanese() {
		assertThat(MamoriCommandLine.H2_LOCKED).contains("別のプロセス").contains("使用中");
	}

}
