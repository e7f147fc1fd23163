package jp.mamori.accesslog.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Windows events exported as XML: {@code wevtutil qe Security /f:xml} (a run of
 * {@code <Event xmlns=…>} elements without a root element, which is why the text is
 * wrapped in one before parsing) and Event Viewer's "save selected events" as XML (an
 * {@code <Events>} root). Read with StAX, event by event, into the same
 * {@link WindowsEventRecord} as EVTX; {@code RenderingInfo/Message} is kept for SQL
 * Server events that come without their {@code <Data>}.
 *
 * <p>
 * A file with a document type declaration is refused rather than parsed: Windows never
 * writes one, and resolving it would let a crafted file read local files (XXE). DTD
 * support and external entities are switched off in the StAX factory as well.
 */
public final class WindowsXmlParser implements LogParser {

	static final String EVENT_NAMESPACE = "http://schemas.microsoft.com/win/2004/08/events/event";

	private static final int HEAD_CHARS = 64 * 1024;

	private static final XMLInputFactory FACTORY = secureFactory();

	@Override
	public LogFormat format() {
		return LogFormat.WINDOWS_XML;
	}

	@Override
	public int detect(LogSample sample) {
		String text = sample.text();
		int event = text.indexOf("<Event");
		if (event < 0) {
			return 0;
		}
		if (text.contains(EVENT_NAMESPACE)) {
			return 95;
		}
		return sample.lowerName().endsWith(".xml") && (text.contains("<Events>") || text.contains("<System>")) ? 50 : 0;
	}

	@Override
	public ParseStats parse(InputStream in, ParseContext context, Consumer<LogEvent> sink) throws IOException {
		ParseStats stats = new ParseStats(LogFormat.WINDOWS_XML);
		BufferedReader reader = TextDecoding.reader(in);
		reader.mark(HEAD_CHARS);
		char[] head = new char[HEAD_CHARS];
		int headLength = 0;
		while (headLength < head.length) {
			int read = reader.read(head, headLength, head.length - headLength);
			if (read < 0) {
				break;
			}
			headLength += read;
		}
		if (headLength <= 0) {
			stats.note("ファイルが空です");
			return stats;
		}
		reader.reset();
		String headText = new String(head, 0, headLength);
		if (headText.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
			stats.note("DTD（<!DOCTYPE>）を含むXMLは安全のため読み込みません。wevtutil またはイベントビューアーで出力したままのファイルを指定してください");
			stats.skip();
			return stats;
		}
		long prolog = prologLength(headText);
		reader.skip(prolog);
		// wevtutil writes events without a root element: give them one
		Reader wrapped = new ConcatenatedReader(
				List.of(new StringReader("<mamori-events>"), reader, new StringReader("</mamori-events>")));
		List<WindowsEventRecord> assembled = new ArrayList<>();
		int[] incomplete = new int[1];
		WindowsEventAssembler assembler = new WindowsEventAssembler(assembled::add, () -> incomplete[0]++);
		XMLStreamReader xml;
		try {
			xml = FACTORY.createXMLStreamReader(wrapped);
		}
		catch (XMLStreamException ex) {
			stats.note("XMLとして読み込めません");
			stats.skip();
			return stats;
		}
		boolean more = true;
		while (more) {
			try {
				more = step(xml, assembler);
			}
			catch (XMLStreamException | RuntimeException ex) {
				// not well-formed from here on: what was read stays, the rest is reported
				stats.skip();
				stats.note("XMLの形式が正しくない箇所（" + line(xml) + "行目付近）から後は読み込めませんでした");
				more = false;
			}
			for (int i = 0; i < incomplete[0]; i++) {
				stats.skip();
			}
			incomplete[0] = 0;
			for (WindowsEventRecord record : assembled) {
				LogEvent event;
				try {
					event = WindowsEvents.toLogEvent(record);
				}
				catch (RuntimeException ex) {
					stats.skip();
					continue;
				}
				stats.event(event);
				sink.accept(event);
			}
			assembled.clear();
		}
		return stats;
	}

	/** Hands the next XML event to the assembler; false at the end of the document. */
	private static boolean step(XMLStreamReader xml, WindowsEventAssembler assembler) throws XMLStreamException {
		if (!xml.hasNext()) {
			return false;
		}
		switch (xml.next()) {
			case XMLStreamConstants.START_ELEMENT -> {
				assembler.startElement(xml.getLocalName());
				for (int i = 0; i < xml.getAttributeCount(); i++) {
					assembler.attribute(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
				}
			}
			case XMLStreamConstants.END_ELEMENT -> assembler.endElement();
			case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
				assembler.text(xml.getText());
			case XMLStreamConstants.END_DOCUMENT -> {
				return false;
			}
			default -> {
			}
		}
		return true;
	}

	private static String line(XMLStreamReader xml) {
		try {
			return String.valueOf(xml.getLocation().getLineNumber());
		}
		catch (RuntimeException ex) {
			return "?";
		}
	}

	/**
	 * The length of the XML declaration, processing instructions, comments and white
	 * space before the first element: they may not stand inside the wrapping element.
	 */
	static int prologLength(String text) {
		int position = 0;
		while (position < text.length()) {
			char c = text.charAt(position);
			if (Character.isWhitespace(c)) {
				position++;
			}
			else if (text.startsWith("<?", position)) {
				int end = text.indexOf("?>", position);
				if (end < 0) {
					return position;
				}
				position = end + 2;
			}
			else if (text.startsWith("<!--", position)) {
				int end = text.indexOf("-->", position);
				if (end < 0) {
					return position;
				}
				position = end + 3;
			}
			else {
				return position;
			}
		}
		return position;
	}

	private static XMLInputFactory secureFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	/**
	 * Readers one after the other ({@code SequenceInputStream} exists only for byte
	 * streams).
	 */
	private static final class ConcatenatedReader extends Reader {

		private final List<Reader> readers;

		private int current;

		ConcatenatedReader(List<Reader> readers) {
			this.readers = readers;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (current < readers.size()) {
				int read = readers.get(current).read(buffer, offset, length);
				if (read > 0) {
					return read;
				}
				current++;
			}
			return -1;
		}

		@Override
		public void close() throws IOException {
			for (Reader reader : readers) {
				reader.close();
			}
		}

	}

}
