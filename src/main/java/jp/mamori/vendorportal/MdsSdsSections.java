package jp.mamori.vendorportal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The sections of an MDS/SDS review, read once from
 * {@code vendorportal/mds-sds-sections.tsv}: data, so the list can follow JAHIS headings
 * without a code change.
 */
@Component
public class MdsSdsSections {

	static final String RESOURCE = "vendorportal/mds-sds-sections.tsv";

	private final List<MdsSdsSection> sections;

	MdsSdsSections() {
		this.sections = read();
	}

	/** In review order. */
	public List<MdsSdsSection> all() {
		return sections;
	}

	private static List<MdsSdsSection> read() {
		List<MdsSdsSection> out = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t");
				if (cells.length != 3) {
					throw new IllegalStateException(RESOURCE + ": expected id, name and English name: " + line);
				}
				out.add(new MdsSdsSection(cells[0].strip(), cells[1].strip(), cells[2].strip()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(out);
	}

}
