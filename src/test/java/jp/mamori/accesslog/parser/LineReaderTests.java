package jp.mamori.accesslog.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTests {

	@Test
	void splitsOnLfCrLfAndLoneCrWithoutAFinalNewline() throws IOException {
		assertThat(lines(new LineReader(new StringReader("a\nb\r\nc\rd\r\n\r\ne")))).containsExactly("a", "b", "c", "d",
				"", "e");
	}

	@Test
	void keepsOnlyTheStartOfAVeryLongLineAndSaysSo() throws IOException {
		String longLine = "x".repeat(LineReader.MAX_LINE * 3);
		LineReader reader = new LineReader(new StringReader(longLine + "\nshort"));

		assertThat(reader.next()).hasSize(LineReader.MAX_LINE);
		assertThat(reader.truncated()).isTrue();
		assertThat(reader.next()).isEqualTo("short");
		assertThat(reader.truncated()).isFalse();
		assertThat(reader.number()).isEqualTo(2);
		assertThat(reader.next()).isNull();
	}

	@Test
	void dropsAByteOrderMarkInBothReadings() throws IOException {
		byte[] bytes = "\uFEFFfirst\nsecond".getBytes(StandardCharsets.UTF_8);

		assertThat(lines(LineReader.of(new ByteArrayInputStream(bytes)))).containsExactly("first", "second");
		assertThat(lines(LineReader.latin1(new ByteArrayInputStream(bytes)))).containsExactly("first", "second");
	}

	@Test
	void readsACrLfSplitAcrossTheBufferBoundary() throws IOException {
		// the CR is the last character of the first 64 KiB read, the LF the first of the
		// next
		String first = "y".repeat(64 * 1024 - 1);

		List<String> lines = lines(new LineReader(new StringReader(first + "\r\nnext")));

		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).hasSize(LineReader.MAX_LINE);
		assertThat(lines.get(1)).isEqualTo("next");
	}

	private static List<String> lines(LineReader reader) throws IOException {
		List<String> lines = new ArrayList<>();
		String line;
		while ((line = reader.next()) != null) {
			lines.add(line);
		}
		return lines;
	}

}
