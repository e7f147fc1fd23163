package jp.mamori.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Hostile files, made in code so that nothing large or dangerous is committed: XML with
 * external entities and entity bombs, zip bombs and zip-slip archives, workbooks.
 */
final class HostileFiles {

	private HostileFiles() {
	}

	/** A Windows-event-like document whose text is an external entity. */
	static byte[] externalEntity(String root, String systemId) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Events [\n  <!ENTITY xxe SYSTEM \"" + systemId
				+ "\">\n]>\n" + body(root, "&xxe;"))
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] externalParameterEntity(String root, String systemId) {
		return ("<?xml version=\"1.0\"?>\n<!DOCTYPE Events [\n  <!ENTITY % remote SYSTEM \"" + systemId
				+ "\">\n  %remote;\n]>\n" + body(root, "x"))
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] externalDtd(String root, String systemId) {
		return ("<?xml version=\"1.0\"?>\n<!DOCTYPE Events SYSTEM \"" + systemId + "\">\n" + body(root, "&xxe;"))
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Ten levels of ten references: 10^9 "lol"s if expanded. */
	static byte[] billionLaughs(String root) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Events [\n");
		xml.append("  <!ENTITY lol0 \"lol\">\n");
		for (int level = 1; level <= 9; level++) {
			xml.append("  <!ENTITY lol").append(level).append(" \"");
			for (int i = 0; i < 10; i++) {
				xml.append("&lol").append(level - 1).append(';');
			}
			xml.append("\">\n");
		}
		xml.append("]>\n").append(body(root, "&lol9;"));
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** One 50 KB entity referenced 50,000 times (2.5 GB if expanded). */
	static byte[] quadraticBlowup(String root) {
		String big = "lol".repeat(50_000 / 3);
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Events [\n  <!ENTITY a \"")
			.append(big)
			.append("\">\n]>\n");
		xml.append(body(root, "&a;".repeat(50_000)));
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A Windows event whose computer and user are {@code TEXT}. */
	static final String WINDOWS_EVENT = "<Events><Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
			+ "<Provider Name=\"Microsoft-Windows-Security-Auditing\"/><EventID>4625</EventID>"
			+ "<TimeCreated SystemTime=\"2025-06-15T00:00:00.0000000Z\"/><EventRecordID>1</EventRecordID>"
			+ "<Channel>Security</Channel><Computer>TEXT</Computer></System><EventData>"
			+ "<Data Name=\"TargetUserName\">TEXT</Data></EventData></Event></Events>";

	/** An nmap scan of one host whose name is {@code TEXT}. */
	static final String NMAP_SCAN = "<nmaprun scanner=\"nmap\" args=\"nmap -oX\" version=\"7.94\"><host><status state=\"up\"/>"
			+ "<address addr=\"192.168.10.5\" addrtype=\"ipv4\"/><hostnames><hostname name=\"x\"/></hostnames>"
			+ "<os><osmatch name=\"TEXT\" accuracy=\"100\"/></os></host></nmaprun>";

	/** A pfSense configuration whose host name is {@code TEXT}. */
	static final String PFSENSE = "<pfsense><version>22.2</version><system><hostname>TEXT</hostname></system>"
			+ "<interfaces><lan><if>em1</if><ipaddr>192.168.1.1</ipaddr><subnet>24</subnet></lan></interfaces></pfsense>";

	/** A MyJVN RSS feed of one advisory titled {@code TEXT}. */
	static final String JVN_RSS = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
			+ "<channel><title>JVNDB</title></channel><item rdf:about=\"https://jvndb.jvn.jp/ja/contents/2025/JVNDB-2025-000001.html\">"
			+ "<title>TEXT</title><sec:identifier xmlns:sec=\"http://jvn.jp/rss/mod_sec/3.0/\">JVNDB-2025-000001</sec:identifier><link>https://jvndb.jvn.jp/ja/contents/2025/JVNDB-2025-000001.html</link></item></rdf:RDF>";

	private static String body(String root, String text) {
		return root.replace("TEXT", text) + "\n";
	}

	/** A workbook with one sheet holding these rows as string cells. */
	static byte[] xlsx(List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("台帳");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A zip of these entries (name → content), deflated. */
	static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A zip with one entry of {@code megabytes} zeros: a ratio of about 1000:1. */
	static byte[] zipBomb(String entryName, int megabytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(entryName));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < megabytes; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
