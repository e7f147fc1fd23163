package jp.mamori.endpoint.facts;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When Microsoft stops updating a Windows release, from the built-in table
 * {@code endpoint/windows-eol.tsv}: the command line has no database and so no
 * endoflife.date feed, and the build number plus edition is all a collector file gives.
 */
public final class WindowsLifecycle {

	/** A release's end of support. */
	public record Support(String label, LocalDate endsOn) {

		public boolean endedBy(LocalDate day) {
			return endsOn.isBefore(day);
		}

	}

	private record Row(String kind, int fromBuild, int toBuild, List<String> editions, LocalDate endsOn, String label) {
	}

	private final List<Row> rows;

	private WindowsLifecycle(List<Row> rows) {
		this.rows = rows;
	}

	public static WindowsLifecycle builtIn() {
		return new WindowsLifecycle(TsvResource.classpath("/endpoint/windows-eol.tsv").stream().map(c -> {
			String[] builds = c[1].split("-");
			int from = Integer.parseInt(builds[0]);
			int to = builds.length > 1 ? Integer.parseInt(builds[1]) : from;
			List<String> editions = "*".equals(c[2]) ? List.of()
					: Arrays.stream(c[2].split(",")).map(e -> e.strip().toLowerCase(Locale.ROOT)).toList();
			return new Row(c[0], from, to, editions, LocalDate.parse(c[3]), c[4]);
		}).toList());
	}

	/** The release of an operating system as the collector saw it; empty when unknown. */
	public Optional<Support> find(EndpointFacts.Os os) {
		if (os == null || os.build() == null) {
			return Optional.empty();
		}
		String kind = kind(os);
		String edition = os.edition() == null ? "" : os.edition().toLowerCase(Locale.ROOT);
		return rows.stream()
			.filter(r -> r.kind().equals(kind) && os.build() >= r.fromBuild() && os.build() <= r.toBuild())
			.filter(r -> r.editions().isEmpty() || r.editions().stream().anyMatch(edition::startsWith))
			.findFirst()
			.map(r -> new Support(r.label(), r.endsOn()));
	}

	static String kind(EndpointFacts.Os os) {
		String caption = os.caption() == null ? "" : os.caption();
		if ((os.productType() != null && os.productType() != 1) || caption.contains("Server")) {
			return "server";
		}
		String edition = os.edition() == null ? "" : os.edition();
		// LTSC editions are EnterpriseS / IoTEnterpriseS (and their N variants)
		if (caption.contains("LTSC") || caption.contains("LTSB") || edition.matches("(?i).*EnterpriseSN?")) {
			return "ltsc";
		}
		return "client";
	}

}
