package jp.mamori.network.scan;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jp.mamori.shared.BadInputException;

/**
 * Reads nmap's XML output ({@code nmap -oX}) with StAX: one pass, no DOM, no DTD and no
 * external entities (nmap writes at most a bare {@code <!DOCTYPE nmaprun>} and an
 * {@code xml-stylesheet} instruction, neither of which is needed). Elements and
 * attributes this reader does not know are passed over, so output of newer nmap versions
 * reads too.
 *
 * <p>
 * A scan that was stopped part-way (nmap killed, disk full) leaves a file without its
 * closing tags. Such a file is still read: every host up to the break is kept, the host
 * being written when it broke is kept if its address was written, and a note says so. A
 * file that is not nmap XML at all is refused with a {@link BadInputException}.
 */
public final class NmapXmlReader {

	/** The only DOCTYPE nmap writes. */
	private static final java.util.regex.Pattern BARE_DOCTYPE = java.util.regex.Pattern
		.compile("<!DOCTYPE\\s+[A-Za-z_][\\w.-]*\\s*>");

	private final XMLInputFactory factory;

	public NmapXmlReader() {
		// the JDK's own implementation, whatever else is on the class path
		this.factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
	}

	/**
	 * Reads one file.
	 * @param in the XML bytes (not closed here)
	 * @param fileName the name to report
	 * @throws BadInputException when the file is empty or not nmap XML
	 */
	public NmapScan read(InputStream in, String fileName) {
		State state = new State(fileName);
		XMLStreamReader xml;
		try {
			xml = factory.createXMLStreamReader(in);
		}
		catch (XMLStreamException ex) {
			throw new BadInputException(fileName + ": XML として読めません（nmap の -oX 出力を指定してください）");
		}
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD && declaresSomething(xml.getText())) {
					throw new BadInputException(fileName
							+ ": 実体や外部 DTD を宣言する DOCTYPE を含む XML は安全のため読みません（XXE 対策）。nmap の -oX 出力をそのまま指定してください");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					state.start(xml);
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					state.end(xml.getLocalName());
				}
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (ex instanceof BadInputException bad) {
				throw bad;
			}
			if (!state.rootSeen) {
				throw new BadInputException(fileName + ": XML として読めません（nmap の -oX 出力を指定してください）");
			}
			state.broken(ex instanceof XMLStreamException stream && stream.getLocation() != null
					? stream.getLocation().getLineNumber() : -1);
		}
		finally {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing was held open beyond the caller's stream
			}
		}
		if (!state.rootSeen) {
			throw new BadInputException(fileName + ": nmap の XML 出力（-oX）ではありません");
		}
		return state.scan();
	}

	/**
	 * Whether a DOCTYPE does more than name the root. nmap writes a bare
	 * {@code <!DOCTYPE nmaprun>}; an internal subset or a SYSTEM/PUBLIC identifier is
	 * never nmap's and is how XXE and entity bombs arrive. The parser would not expand
	 * them (DTD support is off), but it would stop at the first reference and the hosts
	 * before it would be taken as a scan cut short: refusing is clearer.
	 */
	private static boolean declaresSomething(String doctype) {
		// an allow-list: anything but a bare name is refused (the JDK may hand over a
		// large internal subset as an empty text, so looking for '[' is not enough)
		return doctype == null || !BARE_DOCTYPE.matcher(doctype.strip()).matches();
	}

	/** Everything collected while walking the document. */
	private static final class State {

		final String fileName;

		final Deque<String> path = new ArrayDeque<>();

		final List<ScannedHost> hosts = new ArrayList<>();

		final List<String> notes = new ArrayList<>();

		final Set<String> protocols = new LinkedHashSet<>();

		boolean rootSeen;

		boolean finished;

		boolean truncated;

		int skipped;

		String version;

		String args;

		Instant start;

		HostBuilder host;

		PortBuilder port;

		OsBuilder os;

		State(String fileName) {
			this.fileName = fileName;
		}

		void start(XMLStreamReader xml) throws XMLStreamException {
			String name = xml.getLocalName();
			if (!rootSeen) {
				if (!"nmaprun".equals(name)) {
					throw new BadInputException(fileName + ": nmap の XML 出力（-oX）ではありません（最初の要素が <" + name + ">）");
				}
				rootSeen = true;
				version = attr(xml, "version");
				args = attr(xml, "args");
				start = epoch(attr(xml, "start"));
				path.push(name);
				return;
			}
			String parent = path.peek();
			switch (name) {
				case "scaninfo" -> {
					String protocol = attr(xml, "protocol");
					if (protocol != null) {
						protocols.add(protocol);
					}
				}
				case "host" -> host = new HostBuilder();
				case "status" -> {
					if (host != null) {
						host.state = attr(xml, "state");
					}
				}
				case "address" -> {
					if (host != null && attr(xml, "addr") != null) {
						host.addresses.add(new HostAddress(attr(xml, "addr"),
								attr(xml, "addrtype") == null ? "ipv4" : attr(xml, "addrtype"), attr(xml, "vendor")));
					}
				}
				case "hostname" -> {
					if (host != null && attr(xml, "name") != null && !attr(xml, "name").isBlank()) {
						host.hostnames.add(attr(xml, "name").strip());
					}
				}
				case "port" -> {
					if (host != null) {
						port = new PortBuilder(attr(xml, "protocol"), attr(xml, "portid"));
					}
				}
				case "state" -> {
					if (port != null) {
						port.state = attr(xml, "state");
					}
				}
				case "service" -> {
					if (port != null) {
						port.service = attr(xml, "name");
						port.product = attr(xml, "product");
						port.version = attr(xml, "version");
						port.extraInfo = attr(xml, "extrainfo");
						port.tunnel = attr(xml, "tunnel");
						port.method = attr(xml, "method");
					}
				}
				case "cpe" -> {
					String cpe = xml.getElementText().strip();
					if ("service".equals(parent) && port != null && !cpe.isEmpty()) {
						port.cpes.add(cpe);
					}
					else if ("osclass".equals(parent) && os != null && !cpe.isEmpty()) {
						os.cpes.add(cpe);
					}
					// getElementText consumed the end tag: nothing to pop
					return;
				}
				case "script" -> {
					String id = attr(xml, "id");
					String output = attr(xml, "output");
					if (id != null) {
						if (port != null) {
							port.scripts.put(id, output == null ? "" : output);
						}
						else if (host != null) {
							host.scripts.put(id, output == null ? "" : output);
						}
					}
				}
				case "osmatch" -> {
					if (host != null) {
						os = new OsBuilder(attr(xml, "name"), accuracy(attr(xml, "accuracy")));
					}
				}
				case "osclass" -> {
					if (host != null && "osmatch".equals(parent) && os != null) {
						// nmap 6 and later: classes inside a match carry its CPEs
						path.push(name);
						return;
					}
					if (host != null && "os".equals(parent)) {
						// nmap 5 wrote classes only: they are the guesses
						String text = join(attr(xml, "vendor"), attr(xml, "osfamily"), attr(xml, "osgen"));
						os = new OsBuilder(text, accuracy(attr(xml, "accuracy")));
						os.fromClass = true;
					}
				}
				case "finished" -> {
					finished = true;
					if ("error".equals(attr(xml, "exit"))) {
						notes.add("nmap がエラーで終了しています: " + nvl(attr(xml, "errormsg")));
					}
				}
				default -> {
					// elements this reader does not need (times, traces, task progress …)
				}
			}
			path.push(name);
		}

		void end(String name) {
			if (!path.isEmpty()) {
				path.pop();
			}
			switch (name) {
				case "port" -> {
					if (host != null && port != null) {
						port.build().ifPresent(host.ports::add);
					}
					port = null;
				}
				case "osmatch" -> {
					if (host != null && os != null && !os.fromClass) {
						host.os.add(os.build());
						os = null;
					}
				}
				case "osclass" -> {
					if (host != null && os != null && os.fromClass) {
						host.classes.add(os.build());
						os = null;
					}
				}
				case "host" -> {
					if (host != null) {
						addHost(host);
					}
					host = null;
				}
				default -> {
				}
			}
		}

		void addHost(HostBuilder builder) {
			if (builder.addresses.isEmpty()) {
				skipped++;
				return;
			}
			hosts.add(builder.build());
		}

		void broken(int line) {
			truncated = true;
			String where = line > 0 ? line + "行目から先が読めません" : "途中から先が読めません";
			if (host != null) {
				if (port != null) {
					port.build().ifPresent(host.ports::add);
				}
				if (!host.addresses.isEmpty()) {
					addHost(host);
					notes.add("最後のホスト（" + hosts.get(hosts.size() - 1).address() + "）は途中までしか記録されていません");
				}
				host = null;
			}
			notes.add("スキャン結果が途中で終わっています（" + where + "。nmap が途中で止められたか、ファイルが欠けているか壊れています）。読めたホスト " + hosts.size()
					+ "件を使いました");
		}

		NmapScan scan() {
			if (!truncated && !finished) {
				truncated = true;
				notes.add("スキャンの終了記録（runstats）がありません。nmap が途中で止められた可能性があります。読めたホスト " + hosts.size() + "件を使いました");
			}
			if (skipped > 0) {
				notes.add("アドレスのないホスト記録 " + skipped + "件を読み飛ばしました");
			}
			return new NmapScan(fileName, version, args, start, List.copyOf(protocols), hosts, truncated, skipped,
					notes);
		}

		private static String attr(XMLStreamReader xml, String name) {
			String value = xml.getAttributeValue(null, name);
			return value == null || value.isEmpty() ? null : value;
		}

		private static Instant epoch(String text) {
			try {
				return text == null ? null : Instant.ofEpochSecond(Long.parseLong(text.strip()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		private static int accuracy(String text) {
			try {
				return text == null ? 0 : Integer.parseInt(text.strip());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

		private static String join(String... parts) {
			List<String> present = new ArrayList<>();
			for (String part : parts) {
				if (part != null && !part.isBlank() && !present.contains(part)) {
					present.add(part);
				}
			}
			return String.join(" ", present);
		}

		private static String nvl(String text) {
			return text == null ? "（理由の記載なし）" : text;
		}

	}

	private static final class HostBuilder {

		String state = "unknown";

		final List<HostAddress> addresses = new ArrayList<>();

		final Set<String> hostnames = new LinkedHashSet<>();

		final List<OsGuess> os = new ArrayList<>();

		final List<OsGuess> classes = new ArrayList<>();

		final List<ScannedPort> ports = new ArrayList<>();

		final Map<String, String> scripts = new LinkedHashMap<>();

		ScannedHost build() {
			// osmatch names are the better guess; classes only when nmap wrote nothing
			// else
			return new ScannedHost(state, addresses, List.copyOf(hostnames), os.isEmpty() ? classes : os, ports,
					scripts);
		}

	}

	private static final class PortBuilder {

		final String protocol;

		final String portId;

		String state;

		String service;

		String product;

		String version;

		String extraInfo;

		String tunnel;

		String method;

		final List<String> cpes = new ArrayList<>();

		final Map<String, String> scripts = new LinkedHashMap<>();

		PortBuilder(String protocol, String portId) {
			this.protocol = protocol == null ? "tcp" : protocol;
			this.portId = portId;
		}

		java.util.Optional<ScannedPort> build() {
			int number;
			try {
				number = Integer.parseInt(portId == null ? "" : portId.strip());
			}
			catch (NumberFormatException ex) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(new ScannedPort(protocol, number, state == null ? "unknown" : state, service,
					product, version, extraInfo, tunnel, method, cpes, scripts));
		}

	}

	private static final class OsBuilder {

		final String name;

		final int accuracy;

		final List<String> cpes = new ArrayList<>();

		boolean fromClass;

		OsBuilder(String name, int accuracy) {
			this.name = name == null ? "" : name;
			this.accuracy = accuracy;
		}

		OsGuess build() {
			return new OsGuess(name, accuracy, cpes);
		}

	}

}
