/**
 * Log parsers: one class per format, each turning a file into normalised
 * {@link jp.mamori.accesslog.parser.LogEvent}s, with auto-detection in
 * {@link jp.mamori.accesslog.parser.LogParsers}. Parsers never throw for a bad record:
 * they skip it and count it in {@link jp.mamori.accesslog.parser.ParseStats}.
 *
 * <h2>Windows events</h2>
 *
 * Three Windows formats ({@link jp.mamori.accesslog.parser.EvtxParser},
 * {@link jp.mamori.accesslog.parser.WindowsXmlParser},
 * {@link jp.mamori.accesslog.parser.WindowsCsvParser}) produce the same
 * {@link jp.mamori.accesslog.parser.WindowsEventRecord}, and one mapping,
 * {@link jp.mamori.accesslog.parser.WindowsEvents}, turns it into a {@code LogEvent}.
 *
 * <h2>The EVTX format, as read here</h2>
 *
 * The public reference is Joachim Metz's "Windows XML Event Log (EVTX) format" notes of
 * the libevtx project, based on A. Schuster's work and [MS-EVEN6]. All integers are
 * little-endian; strings are UTF-16LE.
 *
 * <h3>File header (4096 bytes)</h3> <pre>
 *   0  8  "ElfFile&#92;0"
 *   8  8  first chunk number      16  8  last chunk number    24  8  next record id
 *  32  4  header size (128)       36  2  minor (1 or 2)       38  2  major (3)
 *  40  2  header block size (4096)  42  2  number of chunks
 * 120  4  flags (1 dirty, 2 full) 124  4  CRC32 of bytes 0..120
 * </pre> The header is only checked, never trusted: a log copied from a running system is
 * "dirty" and its chunk count lags behind. Every 64 KiB block after the header is looked
 * at; blocks of zeros (preallocated space) are passed over, any other block that is not a
 * chunk is counted as skipped.
 *
 * <h3>Chunk (65536 bytes)</h3> <pre>
 *   0  8  "ElfChnk&#92;0"
 *   8  8  first record number     16  8  last record number
 *  24  8  first record id         32  8  last record id
 *  40  4  header size (128)       44  4  offset of the last record
 *  48  4  free space offset       52  4  CRC32 of the records (512 .. free space)
 * 124  4  CRC32 of bytes 0..120 and 128..512
 * 128  256 common string offsets (64 x 4)   384  128 template offsets (32 x 4)
 * 512  ... event records
 * </pre> Every offset inside a chunk (names, templates) is relative to the chunk start,
 * so a chunk is decoded on its own (see {@link jp.mamori.accesslog.parser.EvtxChunk});
 * names and templates are cached per chunk. Records are read up to the free space offset:
 * Event Viewer's "save as" leaves stale records of its buffer behind it, which are not
 * part of the log. A checksum mismatch is reported as a note, and the records are still
 * read one by one with every frame checked: throwing away a whole chunk for one bad byte
 * would lose the newest events of a dirty log.
 *
 * <h3>Event record</h3> <pre>
 *   0  4  "**&#92;0&#92;0"   4  4  size   8  8  record id   16  8  written time (FILETIME)
 *  24  .. binary XML              size-4  4  copy of size
 * </pre> A record whose signature, size or copy of size does not hold is counted as
 * skipped and reading resumes at the next intact record signature.
 *
 * <h3>Binary XML</h3> A token byte; the flag 0x40 on a token means "more data follows"
 * (attributes on an element, further attributes, further value parts). <pre>
 * 0x00       end of stream
 * 0x01/0x41  open start element: [dependency id 2] data size 4, name offset 4,
 *            [attribute list size 4 when 0x41], attributes; then 0x02 close start
 *            (content follows, ended by 0x04) or 0x03 close empty element.
 *            The dependency id is absent inside BinXml (0x21) values: the layout whose
 *            name offset points at a valid name is taken.
 * 0x06/0x46  attribute: name offset 4, then its value parts
 * 0x05/0x45  value text: type 1 (0x01 string), character count 2, UTF-16
 * 0x07/0x47  CDATA: character count 2, UTF-16
 * 0x08/0x48  character reference: code unit 2
 * 0x09/0x49  entity reference: name offset 4 (lt, gt, amp, quot, apos)
 * 0x0a       PI target: name offset 4;  0x0b PI data: character count 2, UTF-16
 * 0x0c       template instance: unknown 1, template id 4, definition offset 4;
 *            when the offset points right behind it the definition follows inline
 *            (next offset 4, GUID 16, data size 4, fragment of that size), otherwise
 *            it refers to a definition earlier in the chunk. Then the instance data:
 *            value count 4, descriptors (size 2, type 1, 0 1) and the values.
 * 0x0d/0x0e  normal / optional substitution: value index 2, value type 1. An
 *            optional substitution of a NULL value leaves its attribute out.
 * 0x0f       fragment header: major 1, minor 1, flags 1
 * </pre> A name is: unknown 4, hash 2, character count 2, UTF-16, NUL 2; a name stored at
 * the very offset it is referenced from is inline and skipped over.
 *
 * <p>
 * Value types: 0x00 null, 0x01 UTF-16 string, 0x02 ANSI string, 0x03–0x0a signed and
 * unsigned 8–64-bit integers, 0x0b/0x0c float/double, 0x0d boolean (32 bits), 0x0e
 * binary, 0x0f GUID, 0x10 size_t (rendered in hex), 0x11 FILETIME, 0x12 SYSTEMTIME, 0x13
 * SID, 0x14/0x15 hexadecimal 32/64-bit integers, 0x21 binary XML (decoded in place, and
 * may itself hold a template instance: {@code UserData} of 1102 and 1149 comes this way),
 * 0x80 | type an array (strings separated by NUL; MSSQL's 18456 inserts are one string
 * array in a single {@code <Data>}).
 *
 * <p>
 * A template is compiled once per chunk into a flat list of operations (start element,
 * attribute, text, substitution, end element) and replayed for each record straight into
 * the fields of a {@code WindowsEventRecord}: no XML text, no DOM. Nesting of elements
 * and of binary XML values is bounded, every read is bounds-checked, and a template that
 * fails to decode is remembered as broken, so damaged input costs a skipped record and
 * never an exception, a loop or a stack overflow.
 */
package jp.mamori.accesslog.parser;
