package jp.mamori.accesslog.parser;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SyslogHeaderTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", quoteCharacter = '`',
			textBlock = """
					Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user x | 2024-12-09T21:55:46Z | LabSZ | sshd | 24200 | Invalid user x
					Jun  5 09:00:00 host su: (to root) a on pts/0 | 2025-06-05T00:00:00Z | host | su | null | (to root) a on pts/0
					<86>Jun 15 09:00:00 host sudo:  a : TTY=pts/0 | 2025-06-15T00:00:00Z | host | sudo | null | a : TTY=pts/0
					Jun 15 09:00:00 sshd[1]: no host here | 2025-06-15T00:00:00Z | null | sshd | 1 | no host here
					<34>1 2025-06-15T09:00:00+09:00 mymachine su - ID47 - 'su root' failed | 2025-06-15T00:00:00Z | mymachine | su | null | 'su root' failed
					<165>1 2025-06-15T00:00:00.5Z host app 8710 - [exampleSDID@32473 iut="3" eventSource="App"] message | 2025-06-15T00:00:00.500Z | host | app | 8710 | message
					2025-06-15T09:00:00.123456+0900 host sshd[7]: iso | 2025-06-15T00:00:00.123456Z | host | sshd | 7 | iso
					Jun 15 2025 09:00:00 asa01 : %ASA-6-1: x | 2025-06-15T00:00:00Z | asa01 | null | null | : %ASA-6-1: x
					""")
	void readsTheHeader(String line, Instant time, String host, String program, String pid, String message) {
		SyslogHeader header = SyslogHeader.parse(line, ParsedLog.CONTEXT);

		assertThat(header).isNotNull();
		assertThat(header.time()).isEqualTo(time);
		assertThat(header.host()).isEqualTo(host);
		assertThat(header.program()).isEqualTo(program);
		assertThat(header.pid()).isEqualTo(pid);
		assertThat(header.message()).isEqualTo(message);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no header
			Foo 10 06:55:46 host x: y
			Dec 32 06:55:46 host x: y
			Dec 10 25:55:46 host x: y
			<999999>Dec 10 06:55:46 host x: y
			2025-13-01T00:00:00Z host x: y
			""")
	void rejectsLinesWithoutAValidHeader(String line) {
		assertThat(SyslogHeader.parse(line, ParsedLog.CONTEXT)).isNull();
	}

}
