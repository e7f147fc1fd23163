package jp.mamori.hostile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.hostile.HostileParsers.Outcome;
import jp.mamori.hostile.HostileParsers.Reader;
import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Damaged EVTX files: cut anywhere, chunk headers and checksums corrupted, offsets that
 * point outside the chunk, a record that claims to be 4 GB. What is valid is read, the
 * rest is counted as skipped with a Japanese note, and nothing throws, runs out of memory
 * or loops (the timeout is a hang guard only, generous on purpose).
 */
class HostileEvtxTests {

	private static final Reader EVTX = HostileParsers.log(LogFormat.EVTX);

	private static final int FILE_HEADER = 4096;

	private static final int CHUNK = 64 * 1024;

	static Stream<Arguments> damagedFiles() {
		return Stream.of(Arguments.of("ヘッダーの途中で切れる", Arrays.copyOf(fileHeader(1), 100)),
				Arguments.of("ヘッダーだけ（チャンク 3 個と宣言）", fileHeader(3)),
				Arguments.of("チャンクの署名だけでゴミ", file(chunk(garbage -> new java.util.Random(3).nextBytes(garbage)))),
				Arguments.of("オフセットが 4 GB を指す", file(chunk(c -> {
					put32(c, 44, 0xFFFF_FFF0L);
					put32(c, 48, 0xFFFF_FFFFL);
				}))), Arguments.of("4 GB を名乗る記録", file(chunk(c -> {
					put32(c, 512 + 4, 0xFFFF_FFFFL);
					put32(c, 48, CHUNK);
				}))), Arguments.of("記録の大きさが 0", file(chunk(c -> {
					put32(c, 512 + 4, 0);
					put32(c, 48, CHUNK);
				}))), Arguments.of("自分自身を指す記録が続く", file(selfReferencingRecords())),
				Arguments.of("チャンクの途中で切れる", Arrays.copyOf(file(chunk(c -> {
				})), FILE_HEADER + 700)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("damagedFiles")
	void readsNothingInventedFromADamagedFileAndSaysSo(String label, byte[] evtx) {
		Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> EVTX.apply(evtx));

		assertThat(outcome.refused()).isFalse();
		assertThat(outcome.records()).isZero();
		assertThat(outcome.speaksJapanese()).as("%s", outcome.messages()).isTrue();
	}

	/**
	 * The real samples cut at every 4 KiB and with flipped checksums still give records.
	 */
	@Test
	void aRealLogCutAnywhereKeepsTheRecordsBeforeTheCut() throws IOException {
		byte[] whole = Files
			.readAllBytes(SharedSamples.sample("windows-evtx/mitre_4625-local-bruteforce-accountrestore.evtx"));
		int all = EVTX.apply(whole).records();
		assertThat(all).isPositive();
		int previous = 0;
		for (int cut = FILE_HEADER; cut < whole.length; cut += 4096) {
			byte[] part = Arrays.copyOf(whole, cut);
			Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> EVTX.apply(part));

			assertThat(outcome.records()).isBetween(previous, all);
			previous = outcome.records();
		}
	}

	@Test
	void aRealLogWithCorruptChunkChecksumsIsReadAndNoted() throws IOException {
		byte[] evtx = Files.readAllBytes(SharedSamples.sample("windows-evtx/eas_4625-then-4624-same-user.evtx"));
		int all = EVTX.apply(evtx).records();
		byte[] corrupt = evtx.clone();
		for (int chunk = FILE_HEADER; chunk + CHUNK <= corrupt.length; chunk += CHUNK) {
			corrupt[chunk + 52] ^= 0x5A;
			corrupt[chunk + 124] ^= 0x5A;
		}

		Outcome outcome = EVTX.apply(corrupt);

		assertThat(outcome.records()).isEqualTo(all);
		assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).contains("チェックサム"));
	}

	/** A file header announcing {@code chunks} chunks, with the EVTX signature. */
	private static byte[] fileHeader(int chunks) {
		byte[] header = new byte[FILE_HEADER];
		System.arraycopy("ElfFile\0".getBytes(StandardCharsets.US_ASCII), 0, header, 0, 8);
		header[42] = (byte) chunks;
		return header;
	}

	private interface ChunkDamage {

		void apply(byte[] chunk);

	}

	/** A chunk with its signature, sensible offsets and one damage applied after them. */
	private static byte[] chunk(ChunkDamage damage) {
		byte[] chunk = new byte[CHUNK];
		damage.apply(chunk);
		System.arraycopy("ElfChnk\0".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 8);
		// a record signature right after the header, so that the record is looked at
		chunk[512] = 0x2A;
		chunk[513] = 0x2A;
		return chunk;
	}

	/** Records of 28 bytes whose binary XML is a template pointing at itself. */
	private static byte[] selfReferencingRecords() {
		byte[] chunk = chunk(c -> {
		});
		int pos = 512;
		while (pos + 64 < CHUNK) {
			chunk[pos] = 0x2A;
			chunk[pos + 1] = 0x2A;
			put32(chunk, pos + 4, 64);
			chunk[pos + 24] = 0x0F; // fragment header
			chunk[pos + 28] = 0x0C; // template instance
			put32(chunk, pos + 34, pos + 24); // definition offset: itself
			put32(chunk, pos + 60, 64);
			pos += 64;
		}
		put32(chunk, 48, pos);
		return chunk;
	}

	private static byte[] file(byte[] chunk) {
		byte[] file = Arrays.copyOf(fileHeader(1), FILE_HEADER + CHUNK);
		System.arraycopy(chunk, 0, file, FILE_HEADER, CHUNK);
		return file;
	}

	private static void put32(byte[] bytes, int at, long value) {
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) value);
	}

}
