package jp.mamori.endpoint.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The committed example collector files ({@code src/test/resources/endpoint/}), written
 * by hand from the schema: they pin the output format of the script, which cannot run on
 * this machine.
 */
public final class CollectorExamples {

	public static final String WIN10 = "win10-reception-workgroup.json";

	public static final String WIN11 = "win11-nurse-station-domain.json";

	public static final String SERVER2016 = "server2016-emr-domain.json";

	public static final String SERVER2019 = "server2019-file-domain.json";

	public static final String SERVER2022 = "server2022-dc-domain.json";

	public static final String PARTIAL = "partial-win10-ltsc-lab.json";

	public static final String MALFORMED = "malformed-truncated.json";

	public static final String UNSUPPORTED = "unsupported-schema-version.json";

	/** The files the script could have written (all but malformed and unsupported). */
	public static final List<String> VALID = List.of(WIN10, WIN11, SERVER2016, SERVER2019, SERVER2022, PARTIAL);

	public static final List<String> ALL = List.of(WIN10, WIN11, SERVER2016, SERVER2019, SERVER2022, PARTIAL, MALFORMED,
			UNSUPPORTED);

	private CollectorExamples() {
	}

	public static byte[] bytes(String name) {
		try (InputStream in = CollectorExamples.class.getResourceAsStream("/endpoint/" + name)) {
			if (in == null) {
				throw new IllegalStateException("example missing: " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static EndpointFacts read(String name) {
		return CollectorFileReader.read(name, bytes(name));
	}

	public static List<EndpointFacts> readValid() {
		return VALID.stream().map(CollectorExamples::read).toList();
	}

}
