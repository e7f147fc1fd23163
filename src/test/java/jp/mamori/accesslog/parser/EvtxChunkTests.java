package jp.mamori.accesslog.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binary XML of one chunk, built here byte by byte, for what the real samples do not
 * contain: value types such as SYSTEMTIME, booleans, doubles, integer arrays and binary;
 * entity and character references; a template defined in one record and reused by offset
 * from the next.
 */
class EvtxChunkTests {

	private static final long FILETIME_2025_06_15 = (Instant.parse("2025-06-15T00:00:00Z").getEpochSecond()
			+ 11_644_473_600L) * 10_000_000L;

	@Test
	void rendersEveryValueTypeOfATemplateAndReusesItByOffset() {
		ChunkBuilder chunk = new ChunkBuilder();
		int definition = chunk.record(1, true, 0);
		chunk.record(2, false, definition);
		List<WindowsEventRecord> records = chunk.read();

		assertThat(records).hasSize(2);
		WindowsEventRecord first = records.get(0);
		assertThat(first.eventId()).isEqualTo("4624");
		assertThat(first.time()).isEqualTo(Instant.parse("2025-06-15T09:03:12.345Z"));
		assertThat(first.computer()).isEqualTo("PC1");
		assertThat(first.data()).containsEntry("Flag", "true")
			.containsEntry("Ratio", "0.5")
			.containsEntry("Counts", "7\n-2")
			.containsEntry("Blob", "CAFE01")
			.containsEntry("When", "2025-06-15T00:00:00Z")
			.containsEntry("Text", "a&b>c")
			.containsEntry("Sid", "S-1-5-32-544")
			.containsEntry("Hex", "0x1f");
		assertThat(first.unnamedData()).containsExactly("sa", " Reason: x", " [CLIENT: 10.0.2.17]");
		WindowsEventRecord second = records.get(1);
		assertThat(second.eventId()).isEqualTo("4625");
		assertThat(second.data()).containsEntry("Flag", "false");
	}

	/** Writes a chunk whose records instantiate one template. */
	private static final class ChunkBuilder {

		private final byte[] chunk = new byte[EvtxChunk.SIZE];

		private int position = EvtxChunk.HEADER_SIZE;

		ChunkBuilder() {
			System.arraycopy("ElfChnk\0".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 8);
		}

		/**
		 * A record; the template inline when {@code define}, else at {@code definition}.
		 */
		int record(long id, boolean define, int definition) {
			int start = position;
			Bytes record = new Bytes(start);
			record.raw('*', '*', 0, 0).u32(0).u64(id).u64(FILETIME_2025_06_15);
			record.raw(0x0f, 1, 1, 0).raw(0x0c, 1).u32(7);
			int at = definition;
			if (define) {
				at = record.offset() + 4;
				record.u32(at).u32(0).raw(new byte[16]);
				int sizeAt = record.length();
				record.u32(0);
				int bodyStart = record.length();
				template(record);
				record.patch32(sizeAt, record.length() - bodyStart);
			}
			else {
				record.u32(definition);
			}
			values(record, id == 1);
			record.u32(0);
			int size = record.length();
			record.patch32(4, size);
			record.patch32(size - 4, size);
			System.arraycopy(record.bytes(), 0, chunk, start, size);
			position += size;
			write32(48, position);
			return at;
		}

		private static void template(Bytes t) {
			t.raw(0x0f, 1, 1, 0);
			t.open("Event", false).raw(0x02);
			t.open("System", false).raw(0x02);
			t.open("EventID", false).raw(0x02).substitution(0, 0x06).raw(0x04);
			t.open("TimeCreated", true);
			int list = t.length();
			t.u32(0);
			t.raw(0x06).name("SystemTime").raw(0x0e).u16(1).raw(0x12);
			t.patch32(list, t.length() - list - 4);
			t.raw(0x03);
			t.open("Computer", false).raw(0x02).text("PC1").raw(0x04);
			t.raw(0x04);
			t.open("EventData", false).raw(0x02);
			t.data("Flag").substitution(2, 0x0d).raw(0x04);
			t.data("Ratio").substitution(3, 0x0c).raw(0x04);
			t.data("Counts").substitution(4, 0x87).raw(0x04);
			t.data("Blob").substitution(5, 0x0e).raw(0x04);
			t.data("When").substitution(6, 0x11).raw(0x04);
			t.data("Text").raw(0x45, 0x01).u16(1).utf16("a").raw(0x49).name("amp").raw(0x45, 0x01).u16(1).utf16("b");
			t.raw(0x48).u16('>').raw(0x05, 0x01).u16(1).utf16("c").raw(0x04);
			t.data("Sid").substitution(7, 0x13).raw(0x04);
			t.data("Hex").substitution(8, 0x14).raw(0x04);
			t.open("Data", false).raw(0x02).substitution(9, 0x81).raw(0x04);
			t.raw(0x04);
			t.raw(0x04);
			t.raw(0x00);
		}

		private static void values(Bytes r, boolean first) {
			List<byte[]> values = new ArrayList<>();
			List<Integer> types = new ArrayList<>();
			values.add(le(first ? 4624 : 4625, 2));
			types.add(0x06);
			values.add(systemTime());
			types.add(0x12);
			values.add(le(first ? 1 : 0, 4));
			types.add(0x0d);
			values.add(le(Double.doubleToLongBits(0.5), 8));
			types.add(0x0c);
			values.add(concat(le(7, 4), le(-2, 4)));
			types.add(0x87);
			values.add(new byte[] { (byte) 0xCA, (byte) 0xFE, 0x01 });
			types.add(0x0e);
			values.add(le(FILETIME_2025_06_15, 8));
			types.add(0x11);
			values.add(new byte[] { 1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0 });
			types.add(0x13);
			values.add(le(0x1f, 4));
			types.add(0x14);
			values.add("sa\0 Reason: x\0 [CLIENT: 10.0.2.17]\0".getBytes(StandardCharsets.UTF_16LE));
			types.add(0x81);
			r.u32(values.size());
			for (int i = 0; i < values.size(); i++) {
				r.u16(values.get(i).length).raw(types.get(i), 0);
			}
			for (byte[] value : values) {
				r.raw(value);
			}
		}

		private static byte[] systemTime() {
			return concat(le(2025, 2), le(6, 2), le(0, 2), le(15, 2), le(9, 2), le(3, 2), le(12, 2), le(345, 2));
		}

		List<WindowsEventRecord> read() {
			List<WindowsEventRecord> records = new ArrayList<>();
			WindowsEventAssembler assembler = new WindowsEventAssembler(records::add, () -> {
			});
			new EvtxChunk(chunk, chunk.length).readRecords(new EvtxChunk.RecordHandler() {
				@Override
				public void record(EvtxChunk evtx, int start, int end, long recordId, long written) {
					evtx.decode(start, end, assembler);
				}

				@Override
				public void damaged() {
					throw new AssertionError("damaged record");
				}
			});
			return records;
		}

		private void write32(int at, int value) {
			byte[] bytes = le(value, 4);
			System.arraycopy(bytes, 0, chunk, at, 4);
		}

	}

	/** Little-endian bytes that know their offset in the chunk (for inline names). */
	private static final class Bytes {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private final int base;

		private byte[] patched;

		Bytes(int base) {
			this.base = base;
		}

		int length() {
			flush();
			return patched.length;
		}

		int offset() {
			return base + length();
		}

		Bytes raw(int... values) {
			for (int value : values) {
				append(new byte[] { (byte) value });
			}
			return this;
		}

		Bytes raw(byte[] bytes) {
			append(bytes);
			return this;
		}

		Bytes u16(int value) {
			return raw(le(value, 2));
		}

		Bytes u32(long value) {
			return raw(le(value, 4));
		}

		Bytes u64(long value) {
			return raw(le(value, 8));
		}

		Bytes utf16(String text) {
			return raw(text.getBytes(StandardCharsets.UTF_16LE));
		}

		Bytes text(String text) {
			return raw(0x05, 0x01).u16(text.length()).utf16(text);
		}

		/** A name stored inline: referenced by the offset it is written at. */
		Bytes name(String name) {
			u32(offset() + 4);
			return u32(0).u16(0).u16(name.length()).utf16(name).u16(0);
		}

		Bytes open(String name, boolean attributes) {
			raw(attributes ? 0x41 : 0x01).u16(0xffff).u32(0);
			return name(name);
		}

		/** {@code <Data Name="…">}, start tag closed. */
		Bytes data(String name) {
			open("Data", true);
			int list = length();
			u32(0);
			raw(0x06).name("Name").text(name);
			patch32(list, length() - list - 4);
			return raw(0x02);
		}

		Bytes substitution(int index, int type) {
			return raw(0x0d).u16(index).raw(type);
		}

		void patch32(int at, int value) {
			flush();
			byte[] bytes = le(value, 4);
			System.arraycopy(bytes, 0, patched, at, 4);
			out.reset();
			out.writeBytes(patched);
		}

		byte[] bytes() {
			flush();
			return patched;
		}

		private void append(byte[] bytes) {
			out.writeBytes(bytes);
			patched = null;
		}

		private void flush() {
			if (patched == null) {
				patched = out.toByteArray();
			}
		}

	}

	private static byte[] le(long value, int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (value >>> (8 * i));
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
