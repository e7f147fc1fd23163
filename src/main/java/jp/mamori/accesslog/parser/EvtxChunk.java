package jp.mamori.accesslog.parser;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One 64 KiB chunk of an EVTX file and the binary XML of its records (the format is
 * described in this package's {@code package-info.java}). Names and template definitions
 * are shared by the records of a chunk through offsets into it, so they are cached here,
 * per chunk: a template is compiled once into a flat list of operations and then replayed
 * for every record that instantiates it, straight into an {@link EventXmlSink}, without
 * building XML text or a DOM.
 *
 * <p>
 * Every offset is checked against the chunk before it is read, and nesting (elements,
 * binary XML inside substitution values) is bounded, so a corrupt chunk can only make a
 * record fail with {@link Corrupt}, never loop or overflow the stack.
 */
final class EvtxChunk {

	static final int SIZE = 64 * 1024;

	static final int HEADER_SIZE = 512;

	private static final byte[] MAGIC = { 'E', 'l', 'f', 'C', 'h', 'n', 'k', 0 };

	/** Deeper element or BinXml nesting than any real event is taken for corruption. */
	private static final int MAX_NESTING = 48;

	/** A sanity bound on the substitution values of one template instance. */
	private static final int MAX_VALUES = 4096;

	// compiled template operations: each is an opcode followed by one argument
	private static final int OP_START = 1;

	private static final int OP_END = 2;

	private static final int OP_ATTRIBUTE = 3;

	private static final int OP_ATTRIBUTE_END = 4;

	private static final int OP_TEXT = 5;

	private static final int OP_SUBSTITUTION = 6;

	private static final Template BROKEN = new Template(new int[0], new String[0]);

	private static final int[] NO_VALUES = new int[0];

	private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final byte[] b;

	private final int length;

	private final Map<Integer, String> names = new HashMap<>();

	private final Map<Integer, Template> templates = new HashMap<>();

	/**
	 * @param bytes the chunk, starting with its header
	 * @param length how many bytes of it were read (less than {@link #SIZE} when the file
	 * is cut)
	 */
	EvtxChunk(byte[] bytes, int length) {
		this.b = bytes;
		this.length = Math.min(length, bytes.length);
	}

	/** Whether the bytes start with the chunk signature {@code ElfChnk&#92;0}. */
	static boolean hasSignature(byte[] bytes, int length) {
		return length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	/**
	 * Whether a record signature sits right after the header (a chunk with a bad magic).
	 */
	static boolean hasRecordAfterHeader(byte[] bytes, int length) {
		return length >= HEADER_SIZE + 8 && isRecordSignature(bytes, HEADER_SIZE);
	}

	/**
	 * Whether the CRC32 of header bytes 0–120 and 128–512 and the CRC32 of the record
	 * data up to the free space offset both match what the header says.
	 */
	boolean checksumsMatch() {
		if (!headerChecksumMatches()) {
			return false;
		}
		long free = u32(48);
		if (free < HEADER_SIZE || free > length) {
			return false;
		}
		CRC32 records = new CRC32();
		records.update(b, HEADER_SIZE, (int) free - HEADER_SIZE);
		return (int) records.getValue() == i32(52);
	}

	private boolean headerChecksumMatches() {
		if (length < HEADER_SIZE) {
			return false;
		}
		CRC32 header = new CRC32();
		header.update(b, 0, 120);
		header.update(b, 128, HEADER_SIZE - 128);
		return (int) header.getValue() == i32(124);
	}

	/**
	 * Reads the records in chunk order, up to the end of the records: what lies beyond it
	 * is left over from earlier use of the buffer (Event Viewer's "save as" copies such
	 * stale records along) and is not part of the log. A damaged record is reported to
	 * {@link RecordHandler#damaged()} and reading resumes at the next record signature; a
	 * chunk cut short reports its lost end as damaged too.
	 */
	void readRecords(RecordHandler handler) {
		if (length < HEADER_SIZE) {
			handler.damaged();
			return;
		}
		boolean headerIntact = headerChecksumMatches();
		int free = freeSpaceOffset();
		int lastEnd = lastRecordEnd();
		int recordsEnd;
		boolean doubtful = false;
		if (free > 0 && (headerIntact || free == lastEnd || lastEnd == 0)) {
			recordsEnd = free;
		}
		else if (free > 0 || lastEnd > 0) {
			// a damaged header: of the two ends it gives, the nearer one cannot reach
			// into stale records; what may lie between them is counted as lost
			recordsEnd = free == 0 ? lastEnd : lastEnd == 0 ? free : Math.min(free, lastEnd);
			doubtful = free != lastEnd;
		}
		else {
			recordsEnd = length;
		}
		int limit = Math.min(recordsEnd, length);
		int pos = HEADER_SIZE;
		boolean lastWasRecord = true;
		while (pos < limit) {
			int size = recordSizeAt(pos, limit);
			if (size > 0) {
				handler.record(this, pos + 24, pos + size - 4, u64(pos + 8), u64(pos + 16));
				pos += size;
				lastWasRecord = true;
				continue;
			}
			handler.damaged();
			lastWasRecord = false;
			pos = nextRecord(pos + 1, limit);
		}
		if ((recordsEnd > length || doubtful) && lastWasRecord) {
			// cut exactly between two records, or an end the header is unsure of: the
			// rest may be lost all the same
			handler.damaged();
		}
	}

	/** The free space offset when it is plausible, else 0. */
	private int freeSpaceOffset() {
		long free = u32(48);
		return free >= HEADER_SIZE && free <= SIZE ? (int) free : 0;
	}

	/**
	 * The end of the record the header calls the last when that record is intact, else 0.
	 */
	private int lastRecordEnd() {
		long last = u32(44);
		if (last >= HEADER_SIZE && last < length) {
			int size = recordSizeAt((int) last, length);
			if (size > 0) {
				return (int) last + size;
			}
		}
		return 0;
	}

	/** The size of the intact record framed at {@code pos}, or 0 if there is none. */
	private int recordSizeAt(int pos, int limit) {
		if (pos + 28 > limit || !isRecordSignature(b, pos)) {
			return 0;
		}
		long size = u32(pos + 4);
		if (size < 28 || pos + size > limit || u32((int) (pos + size - 4)) != size) {
			return 0;
		}
		return (int) size;
	}

	private int nextRecord(int from, int limit) {
		for (int pos = from; pos + 28 <= limit; pos++) {
			if (b[pos] == '*' && recordSizeAt(pos, limit) > 0) {
				return pos;
			}
		}
		return limit;
	}

	private static boolean isRecordSignature(byte[] bytes, int pos) {
		return bytes[pos] == '*' && bytes[pos + 1] == '*' && bytes[pos + 2] == 0 && bytes[pos + 3] == 0;
	}

	/**
	 * Decodes the binary XML of one record into the sink.
	 * @throws Corrupt when the record's binary XML cannot be read
	 */
	void decode(int start, int end, EventXmlSink sink) {
		renderStream(start, end, sink, 0);
	}

	/** FILETIME (100 ns since 1601, UTC) as an instant. */
	static Instant fileTime(long value) {
		long seconds = Long.divideUnsigned(value, 10_000_000L) - FILETIME_EPOCH_SECONDS;
		long nanos = Long.remainderUnsigned(value, 10_000_000L) * 100;
		return Instant.ofEpochSecond(seconds, nanos);
	}

	// ---- binary XML: streams, template instances and replay

	private int renderStream(int start, int end, EventXmlSink sink, int nesting) {
		if (nesting > MAX_NESTING || end > length || start < 0) {
			throw Corrupt.INSTANCE;
		}
		int p = start;
		while (p < end) {
			int token = b[p] & 0xff;
			switch (token) {
				case 0x00 -> {
					return p + 1;
				}
				case 0x0f -> p += 4;
				case 0x0c -> p = renderTemplateInstance(p, end, sink, nesting);
				case 0x01, 0x41 -> {
					// an element written out without a template (forwarded events, BinXml
					// values): compile it on the spot, it has no substitutions of its own
					Compiler compiler = new Compiler();
					p = compiler.element(p, end, nesting + 1);
					replay(compiler.template(), NO_VALUES, NO_VALUES, NO_VALUES, sink, nesting + 1);
				}
				case 0x05, 0x45 -> {
					need(p + 4, end);
					int count = u16(p + 2);
					need(p + 4 + 2 * count, end);
					sink.text(utf16(p + 4, count));
					p += 4 + 2 * count;
				}
				case 0x0a -> p = skipName(p + 1, end);
				case 0x0b -> {
					need(p + 3, end);
					p += 3 + 2 * u16(p + 1);
				}
				default -> throw Corrupt.INSTANCE;
			}
		}
		return p;
	}

	private int renderTemplateInstance(int p, int end, EventXmlSink sink, int nesting) {
		need(p + 10, end);
		int definition = i32(p + 6);
		int q = p + 10;
		Template template;
		if (definition == q) {
			template = templateAt(definition);
			q = definition + 24 + i32(definition + 20);
		}
		else {
			if (definition < HEADER_SIZE || definition >= p) {
				throw Corrupt.INSTANCE;
			}
			template = templateAt(definition);
		}
		need(q + 4, end);
		long count = u32(q);
		if (count > MAX_VALUES || q + 4 + count * 4 > end) {
			throw Corrupt.INSTANCE;
		}
		int values = (int) count;
		int[] types = new int[values];
		int[] offsets = new int[values];
		int[] sizes = new int[values];
		int descriptor = q + 4;
		int data = descriptor + values * 4;
		for (int i = 0; i < values; i++) {
			sizes[i] = u16(descriptor + i * 4);
			types[i] = b[descriptor + i * 4 + 2] & 0xff;
			offsets[i] = data;
			data += sizes[i];
		}
		need(data, end);
		replay(template, types, offsets, sizes, sink, nesting + 1);
		return data;
	}

	private Template templateAt(int definition) {
		Template cached = templates.get(definition);
		if (cached == BROKEN) {
			throw Corrupt.INSTANCE;
		}
		if (cached != null) {
			return cached;
		}
		try {
			need(definition + 24, length);
			long size = u32(definition + 20);
			int start = definition + 24;
			if (start + size > length) {
				throw Corrupt.INSTANCE;
			}
			Compiler compiler = new Compiler();
			compiler.fragment(start, (int) (start + size));
			Template template = compiler.template();
			templates.put(definition, template);
			return template;
		}
		catch (Corrupt ex) {
			templates.put(definition, BROKEN);
			throw ex;
		}
	}

	private void replay(Template template, int[] types, int[] offsets, int[] sizes, EventXmlSink sink, int nesting) {
		if (nesting > MAX_NESTING) {
			throw Corrupt.INSTANCE;
		}
		int[] code = template.code;
		String[] strings = template.strings;
		String attributeName = null;
		StringBuilder attributeValue = null;
		boolean attributeEmpty = true;
		Instant attributeTime = null;
		for (int i = 0; i < code.length; i += 2) {
			int argument = code[i + 1];
			switch (code[i]) {
				case OP_START -> sink.startElement(strings[argument]);
				case OP_END -> sink.endElement();
				case OP_ATTRIBUTE -> {
					attributeName = strings[argument];
					if (attributeValue == null) {
						attributeValue = new StringBuilder(64);
					}
					attributeValue.setLength(0);
					attributeEmpty = true;
					attributeTime = null;
				}
				case OP_ATTRIBUTE_END -> {
					if (attributeTime != null && attributeValue.isEmpty()) {
						sink.timeAttribute(attributeName, attributeTime);
					}
					else if (!attributeEmpty) {
						sink.attribute(attributeName, attributeValue.toString());
					}
					attributeName = null;
				}
				case OP_TEXT -> {
					if (attributeName != null) {
						attributeValue.append(strings[argument]);
						attributeEmpty = false;
					}
					else {
						sink.text(strings[argument]);
					}
				}
				case OP_SUBSTITUTION -> {
					int index = argument >>> 8;
					if (index >= types.length) {
						// a substitution beyond the values given is empty
						continue;
					}
					int type = types[index];
					int offset = offsets[index];
					int size = sizes[index];
					if (type == 0x00 || size == 0) {
						continue;
					}
					if (attributeName != null) {
						if (type == 0x11 && size == 8) {
							attributeTime = fileTime(u64(offset));
						}
						else if (type == 0x12 && size == 16) {
							attributeTime = systemTime(offset);
							if (attributeTime == null) {
								attributeValue.append(hex(offset, size));
							}
						}
						else if (type != 0x21) {
							attributeValue.append(value(type, offset, size));
						}
						attributeEmpty = false;
					}
					else if (type == 0x21) {
						renderStream(offset, offset + size, sink, nesting + 1);
					}
					else if ((type & 0x80) != 0) {
						arrayItems(type & 0x7f, offset, size, sink);
					}
					else {
						sink.text(value(type, offset, size));
					}
				}
				default -> throw Corrupt.INSTANCE;
			}
		}
	}

	// ---- values

	private String value(int type, int offset, int size) {
		return switch (type) {
			case 0x01 -> utf16(offset, size / 2);
			case 0x02 -> ansi(offset, size);
			case 0x03 -> size >= 1 ? Integer.toString(b[offset]) : "";
			case 0x04 -> size >= 1 ? Integer.toString(b[offset] & 0xff) : "";
			case 0x05 -> size >= 2 ? Integer.toString((short) u16(offset)) : "";
			case 0x06 -> size >= 2 ? Integer.toString(u16(offset)) : "";
			case 0x07 -> size >= 4 ? Integer.toString(i32(offset)) : "";
			case 0x08 -> size >= 4 ? Long.toString(u32(offset)) : "";
			case 0x09 -> size >= 8 ? Long.toString(u64(offset)) : "";
			case 0x0a -> size >= 8 ? Long.toUnsignedString(u64(offset)) : "";
			case 0x0b -> size >= 4 ? Float.toString(Float.intBitsToFloat(i32(offset))) : "";
			case 0x0c -> size >= 8 ? Double.toString(Double.longBitsToDouble(u64(offset))) : "";
			case 0x0d -> size >= 4 ? Boolean.toString(i32(offset) != 0) : "";
			case 0x0f -> size >= 16 ? guid(offset) : hex(offset, size);
			case 0x10 -> size == 4 ? "0x" + Long.toHexString(u32(offset))
					: size == 8 ? "0x" + Long.toHexString(u64(offset)) : hex(offset, size);
			case 0x11 -> size >= 8 ? fileTime(u64(offset)).toString() : "";
			case 0x12 -> {
				Instant time = size >= 16 ? systemTime(offset) : null;
				yield time != null ? time.toString() : hex(offset, size);
			}
			case 0x13 -> sid(offset, size);
			case 0x14 -> size >= 4 ? "0x" + Long.toHexString(u32(offset)) : "";
			case 0x15 -> size >= 8 ? "0x" + Long.toHexString(u64(offset)) : "";
			default -> hex(offset, size);
		};
	}

	private void arrayItems(int type, int offset, int size, EventXmlSink sink) {
		if (type == 0x01 || type == 0x02) {
			int width = type == 0x01 ? 2 : 1;
			int start = offset;
			int end = offset + size;
			for (int p = offset; p + width <= end; p += width) {
				boolean terminator = width == 2 ? (b[p] == 0 && b[p + 1] == 0) : b[p] == 0;
				if (terminator) {
					sink.item(type == 0x01 ? utf16(start, (p - start) / 2) : ansi(start, p - start));
					start = p + width;
				}
			}
			if (start < end - (width - 1)) {
				sink.item(type == 0x01 ? utf16(start, (end - start) / 2) : ansi(start, end - start));
			}
			return;
		}
		int width = switch (type) {
			case 0x03, 0x04 -> 1;
			case 0x05, 0x06 -> 2;
			case 0x07, 0x08, 0x0b, 0x0d, 0x14 -> 4;
			case 0x09, 0x0a, 0x0c, 0x11, 0x15 -> 8;
			case 0x0f, 0x12 -> 16;
			case 0x10 -> size % 8 == 0 ? 8 : 4;
			default -> 0;
		};
		if (width == 0) {
			sink.item(hex(offset, size));
			return;
		}
		int itemType = type == 0x10 ? (width == 8 ? 0x15 : 0x14) : type;
		for (int p = offset; p + width <= offset + size; p += width) {
			sink.item(value(itemType, p, width));
		}
	}

	private Instant systemTime(int offset) {
		try {
			LocalDateTime time = LocalDateTime.of(u16(offset), u16(offset + 2), u16(offset + 6), u16(offset + 8),
					u16(offset + 10), u16(offset + 12), u16(offset + 14) * 1_000_000);
			return time.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private String sid(int offset, int size) {
		if (size < 8) {
			return hex(offset, size);
		}
		int revision = b[offset] & 0xff;
		int subCount = b[offset + 1] & 0xff;
		if (size < 8 + 4 * subCount) {
			return hex(offset, size);
		}
		long authority = 0;
		for (int i = 2; i < 8; i++) {
			authority = (authority << 8) | (b[offset + i] & 0xff);
		}
		StringBuilder sid = new StringBuilder(48).append("S-").append(revision).append('-').append(authority);
		for (int i = 0; i < subCount; i++) {
			sid.append('-').append(u32(offset + 8 + 4 * i));
		}
		return sid.toString();
	}

	private String guid(int offset) {
		StringBuilder guid = new StringBuilder(38).append('{');
		hexDigits(guid, u32(offset), 8);
		guid.append('-');
		hexDigits(guid, u16(offset + 4), 4);
		guid.append('-');
		hexDigits(guid, u16(offset + 6), 4);
		guid.append('-');
		for (int i = 8; i < 16; i++) {
			if (i == 10) {
				guid.append('-');
			}
			hexDigits(guid, b[offset + i] & 0xff, 2);
		}
		return guid.append('}').toString();
	}

	private static void hexDigits(StringBuilder out, long value, int digits) {
		for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
			out.append(HEX[(int) ((value >>> shift) & 0xf)]);
		}
	}

	private String hex(int offset, int size) {
		char[] out = new char[size * 2];
		for (int i = 0; i < size; i++) {
			int value = b[offset + i] & 0xff;
			out[2 * i] = HEX[value >>> 4];
			out[2 * i + 1] = HEX[value & 0xf];
		}
		return new String(out);
	}

	/**
	 * UTF-16LE without the trailing NULs some writers include. Decoded by hand: the JDK's
	 * UTF-16 decoder goes through a CharsetDecoder per call, which dominates the parse
	 * time of short values.
	 */
	private String utf16(int offset, int count) {
		int end = count;
		while (end > 0 && b[offset + 2 * end - 2] == 0 && b[offset + 2 * end - 1] == 0) {
			end--;
		}
		char[] chars = new char[end];
		for (int i = 0; i < end; i++) {
			chars[i] = (char) ((b[offset + 2 * i] & 0xff) | ((b[offset + 2 * i + 1] & 0xff) << 8));
		}
		return new String(chars);
	}

	private String ansi(int offset, int size) {
		int end = size;
		while (end > 0 && b[offset + end - 1] == 0) {
			end--;
		}
		return new String(b, offset, end, StandardCharsets.ISO_8859_1);
	}

	// ---- names

	private String nameAt(int offset) {
		String name = names.get(offset);
		if (name != null) {
			return name;
		}
		if (offset < HEADER_SIZE || offset + 8 > length) {
			throw Corrupt.INSTANCE;
		}
		int count = u16(offset + 6);
		int end = offset + 8 + 2 * count;
		if (end + 2 > length || b[end] != 0 || b[end + 1] != 0) {
			throw Corrupt.INSTANCE;
		}
		name = utf16(offset + 8, count);
		names.put(offset, name);
		return name;
	}

	private boolean isNameAt(int offset) {
		if (names.containsKey(offset)) {
			return true;
		}
		if (offset < HEADER_SIZE || offset + 8 > length) {
			return false;
		}
		int end = offset + 8 + 2 * u16(offset + 6);
		return end + 2 <= length && b[end] == 0 && b[end + 1] == 0;
	}

	/**
	 * The position after a name reference at {@code p}, past the name when it is inline.
	 */
	private int skipName(int p, int end) {
		need(p + 4, end);
		int offset = i32(p);
		nameAt(offset);
		return offset == p + 4 ? p + 4 + 10 + 2 * u16(offset + 6) : p + 4;
	}

	// ---- bounds-checked little-endian reads

	private void need(int position, int end) {
		if (position > end || position > length || position < 0) {
			throw Corrupt.INSTANCE;
		}
	}

	private int u16(int p) {
		if (p < 0 || p + 2 > length) {
			throw Corrupt.INSTANCE;
		}
		return (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8);
	}

	private int i32(int p) {
		if (p < 0 || p + 4 > length) {
			throw Corrupt.INSTANCE;
		}
		return (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | ((b[p + 2] & 0xff) << 16) | ((b[p + 3] & 0xff) << 24);
	}

	private long u32(int p) {
		return i32(p) & 0xffffffffL;
	}

	private long u64(int p) {
		return u32(p) | (u32(p + 4) << 32);
	}

	/** Handed every record of the chunk. */
	interface RecordHandler {

		/**
		 * A record whose frame is intact: its binary XML is {@code start..end} (decode it
		 * with {@link EvtxChunk#decode}).
		 */
		void record(EvtxChunk chunk, int start, int end, long recordId, long writtenFileTime);

		/** A record (or the space where one should be) that cannot be read. */
		void damaged();

	}

	/** A record's or template's binary XML does not hold together. */
	static final class Corrupt extends RuntimeException {

		private static final long serialVersionUID = 1L;

		// thrown often on damaged files: one shared instance without a stack trace
		static final Corrupt INSTANCE = new Corrupt();

		private Corrupt() {
			super("corrupt EVTX binary XML", null, false, false);
		}

	}

	/** A template (or a free-standing element) compiled into replayable operations. */
	private record Template(int[] code, String[] strings) {
	}

	/** Compiles template binary XML into {@link Template} operations. */
	private final class Compiler {

		private int[] code = new int[64];

		private int size;

		private final List<String> strings = new ArrayList<>();

		Template template() {
			return new Template(Arrays.copyOf(code, size), strings.toArray(new String[0]));
		}

		/** A template body: fragment header, one element, end of stream. */
		void fragment(int start, int end) {
			int p = start;
			while (p < end) {
				int token = b[p] & 0xff;
				switch (token) {
					case 0x00 -> {
						return;
					}
					case 0x0f -> p += 4;
					case 0x01, 0x41 -> p = element(p, end, 0);
					case 0x0a -> p = skipName(p + 1, end);
					case 0x0b -> {
						need(p + 3, end);
						p += 3 + 2 * u16(p + 1);
					}
					default -> throw Corrupt.INSTANCE;
				}
			}
		}

		int element(int start, int end, int nesting) {
			if (nesting > MAX_NESTING) {
				throw Corrupt.INSTANCE;
			}
			int token = b[start] & 0xff;
			// the dependency identifier (2 bytes) is left out of elements inside BinXml
			// values: take the layout whose name offset makes sense
			need(start + 11, end);
			int nameOffset = i32(start + 7);
			int p = start + 11;
			if (!(nameOffset == p ? isNameAt(p) : nameOffset < start && isNameAt(nameOffset))) {
				nameOffset = i32(start + 5);
				p = start + 9;
				if (!(nameOffset == p ? isNameAt(p) : nameOffset < start && isNameAt(nameOffset))) {
					throw Corrupt.INSTANCE;
				}
			}
			emit(OP_START, string(nameAt(nameOffset)));
			if (nameOffset == p) {
				p += 10 + 2 * u16(nameOffset + 6);
			}
			if ((token & 0x40) != 0) {
				need(p + 4, end);
				long listSize = u32(p);
				p += 4;
				if (p + listSize > end) {
					throw Corrupt.INSTANCE;
				}
				int listEnd = (int) (p + listSize);
				while (p < listEnd && ((b[p] & 0xbf) == 0x06)) {
					p = attribute(p, listEnd);
				}
			}
			need(p + 1, end);
			int close = b[p] & 0xff;
			if (close == 0x03) {
				emit(OP_END, 0);
				return p + 1;
			}
			if (close != 0x02) {
				throw Corrupt.INSTANCE;
			}
			p++;
			while (true) {
				need(p + 1, end);
				int content = b[p] & 0xff;
				switch (content & 0xbf) {
					case 0x04 -> {
						emit(OP_END, 0);
						return p + 1;
					}
					case 0x01 -> p = element(p, end, nesting + 1);
					default -> p = valuePart(p, end, true);
				}
			}
		}

		private int attribute(int start, int end) {
			need(start + 5, end);
			int nameOffset = i32(start + 1);
			int p = start + 5;
			String name = nameAt(nameOffset);
			if (nameOffset == p) {
				p += 10 + 2 * u16(nameOffset + 6);
			}
			emit(OP_ATTRIBUTE, string(name));
			while (p < end) {
				int token = b[p] & 0xbf;
				if (token != 0x05 && token != 0x0d && token != 0x0e && token != 0x08 && token != 0x09
						&& token != 0x07) {
					break;
				}
				p = valuePart(p, end, false);
			}
			emit(OP_ATTRIBUTE_END, 0);
			return p;
		}

		/** Text, substitution, character or entity reference, CDATA or PI. */
		private int valuePart(int p, int end, boolean content) {
			int token = b[p] & 0xff;
			switch (token & 0xbf) {
				case 0x05 -> {
					need(p + 4, end);
					if ((b[p + 1] & 0xff) != 0x01) {
						throw Corrupt.INSTANCE;
					}
					int count = u16(p + 2);
					need(p + 4 + 2 * count, end);
					emit(OP_TEXT, string(utf16(p + 4, count)));
					return p + 4 + 2 * count;
				}
				case 0x0d, 0x0e -> {
					need(p + 4, end);
					int index = u16(p + 1);
					emit(OP_SUBSTITUTION, index << 8 | (b[p + 3] & 0xff));
					return p + 4;
				}
				case 0x08 -> {
					need(p + 3, end);
					emit(OP_TEXT, string(String.valueOf((char) u16(p + 1))));
					return p + 3;
				}
				case 0x09 -> {
					need(p + 5, end);
					int nameOffset = i32(p + 1);
					String entity = nameAt(nameOffset);
					emit(OP_TEXT, string(switch (entity) {
						case "lt" -> "<";
						case "gt" -> ">";
						case "amp" -> "&";
						case "quot" -> "\"";
						case "apos" -> "'";
						default -> "&" + entity + ";";
					}));
					return nameOffset == p + 5 ? p + 5 + 10 + 2 * u16(nameOffset + 6) : p + 5;
				}
				case 0x07 -> {
					need(p + 3, end);
					int count = u16(p + 1);
					need(p + 3 + 2 * count, end);
					emit(OP_TEXT, string(utf16(p + 3, count)));
					return p + 3 + 2 * count;
				}
				case 0x0a -> {
					if (!content) {
						throw Corrupt.INSTANCE;
					}
					return skipName(p + 1, end);
				}
				case 0x0b -> {
					if (!content) {
						throw Corrupt.INSTANCE;
					}
					need(p + 3, end);
					int next = p + 3 + 2 * u16(p + 1);
					need(next, end);
					return next;
				}
				default -> throw Corrupt.INSTANCE;
			}
		}

		private int string(String value) {
			strings.add(value);
			return strings.size() - 1;
		}

		private void emit(int op, int argument) {
			if (size + 2 > code.length) {
				code = Arrays.copyOf(code, code.length * 2);
			}
			code[size++] = op;
			code[size++] = argument;
		}

	}

}
