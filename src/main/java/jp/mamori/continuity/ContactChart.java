package jp.mamori.continuity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

import static jp.mamori.continuity.ContactChartLayout.BOX_H;
import static jp.mamori.continuity.ContactChartLayout.BOX_W;
import static jp.mamori.continuity.ContactChartLayout.MARGIN;

/**
 * The インシデント発生時の連絡体制図 (checklist item 3-①) drawn from the organisation's contacts ledger
 * as an SVG document: the internal chain top-down along 報告先, outside bodies in a band on
 * the right, arrows in the direction of the report or call. Nothing is drawn by hand, so
 * the chart the inspector sees is the ledger as it is today.
 *
 * <p>
 * Only presentation attributes, no {@code <style>} and no script, so the document is
 * acceptable under the application's Content-Security-Policy when opened on its own.
 */
@Component
public class ContactChart {

	/**
	 * Categories a complete chart has: the people who decide, the vendor, and every body
	 * the MHLW material says to tell.
	 */
	public static final List<String> EXPECTED_CATEGORIES = List.of("director", "security_manager", "vendor", "mhlw",
			"police", "prefecture", "mist", "ppc");

	static final String TITLE = "インシデント発生時の連絡体制図";

	static final String EMPTY = "連絡先が登録されていません";

	static final String FONT = "'Noto Sans CJK JP', 'Noto Sans JP', 'IPAexGothic', 'Hiragino Sans', 'Yu Gothic', "
			+ "Meiryo, sans-serif";

	static final String INK = "#1f2933";

	static final String MUTED = "#52606d";

	static final String REPORT = "#1c5d99";

	static final String CALL = "#c25e00";

	static final String WARN = "#b26a00";

	/** Header colour of each category's box. */
	static final Map<String, String> COLOURS = Map.ofEntries(Map.entry("director", "#0d3b66"),
			Map.entry("security_manager", "#1c5d99"), Map.entry("it", "#1f7a8c"), Map.entry("department", "#3f6e9e"),
			Map.entry("first_finder", "#5c7080"), Map.entry("vendor", "#2e7d32"), Map.entry("mhlw", "#6a1b9a"),
			Map.entry("police", "#b71c1c"), Map.entry("prefecture", "#8d5a00"), Map.entry("mist", "#d84315"),
			Map.entry("ppc", "#4527a0"), Map.entry("other", "#546e7a"));

	private static final int TOP = 150;

	private static final int PAGE_SIZE = 500;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final Clock clock;

	ContactChart(Ledgers ledgers, LedgerStore store, Clock clock) {
		this.ledgers = ledgers;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The chart of an organisation as an SVG document.
	 * @param organizationName printed under the title
	 */
	public String svg(OrgId org, String organizationName) {
		return render(contacts(org), organizationName, LocalDate.now(clock));
	}

	/** How many contacts the organisation has recorded. */
	public long count(OrgId org) {
		return store.count(ledger(), org);
	}

	/**
	 * The categories of {@link #EXPECTED_CATEGORIES} with no contact yet, in that order.
	 */
	public List<String> missingCategories(OrgId org) {
		Set<String> present = new LinkedHashSet<>();
		contacts(org).forEach(c -> present.add(c.category()));
		return EXPECTED_CATEGORIES.stream().filter(c -> !present.contains(c)).toList();
	}

	private LedgerDefinition ledger() {
		return ledgers.require(ContactLedger.CONTACTS);
	}

	private List<Contact> contacts(OrgId org) {
		LedgerDefinition ledger = ledger();
		List<Contact> contacts = new ArrayList<>();
		// one more than the chart draws, so the layout can say that some were left out
		while (contacts.size() <= ContactChartLayout.MAX_CONTACTS) {
			List<LedgerRow> page = store.list(ledger, org, contacts.size(), PAGE_SIZE);
			page.forEach(row -> contacts.add(Contact.of(row)));
			if (page.size() < PAGE_SIZE) {
				break;
			}
		}
		return contacts;
	}

	static String render(List<Contact> contacts, String organizationName, LocalDate on) {
		ContactChartLayout layout = ContactChartLayout.of(contacts, TOP);
		String subtitle = subtitle(organizationName, contacts.size(), on);
		if (layout.boxes.isEmpty()) {
			return empty(subtitle);
		}
		int legendY = layout.height + 44;
		int height = legendY + 30 + layout.warnings.size() * 20 + MARGIN - 8;
		int width = Math.max(layout.width, 960);
		Svg svg = new Svg(width, height, subtitle);
		svg.areaLabels(layout);
		for (ContactChartLayout.Link link : layout.links) {
			svg.link(link);
		}
		for (ContactChartLayout.Box box : layout.boxes) {
			svg.box(box);
		}
		svg.legend(legendY, layout.warnings);
		return svg.end();
	}

	private static String subtitle(String organizationName, int count, LocalDate on) {
		String date = on.getYear() + "年" + on.getMonthValue() + "月" + on.getDayOfMonth() + "日現在";
		String name = organizationName == null || organizationName.isBlank() ? "" : organizationName.strip() + " ｜ ";
		return name + "連絡先 " + count + " 件 ｜ " + date + " ｜ チェックリスト 3-①";
	}

	private static String empty(String subtitle) {
		Svg svg = new Svg(760, 300, subtitle);
		svg.raw("<rect x=\"" + MARGIN + "\" y=\"110\" width=\"" + (760 - 2 * MARGIN)
				+ "\" height=\"150\" rx=\"10\" fill=\"#f5f7fa\" stroke=\"#9aa5b1\" stroke-width=\"1.5\" "
				+ "stroke-dasharray=\"6 5\"/>");
		svg.text(380, 175, 20, true, INK, "middle", "empty", EMPTY);
		svg.text(380, 210, 13, false, MUTED, "middle", "hint", "連絡先台帳に院内の連絡網と外部機関（事業者・厚生労働省・警察など）を登録すると、ここに図が描かれます");
		return svg.end();
	}

	/** Writes the SVG document; every text goes through {@link ChartText#escape}. */
	private static final class Svg {

		private final StringBuilder out = new StringBuilder(16_384);

		Svg(int width, int height, String subtitle) {
			out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
			out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
				.append(width)
				.append("\" height=\"")
				.append(height)
				.append("\" viewBox=\"0 0 ")
				.append(width)
				.append(' ')
				.append(height)
				.append("\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"")
				.append(FONT)
				.append("\">\n");
			out.append("<title id=\"chart-title\">").append(ChartText.escape(TITLE)).append("</title>\n");
			out.append("<desc>").append(ChartText.escape(subtitle)).append("</desc>\n");
			out.append("<defs>\n");
			marker("arrow-report", REPORT);
			marker("arrow-call", CALL);
			out.append("</defs>\n");
			out.append("<rect x=\"0\" y=\"0\" width=\"")
				.append(width)
				.append("\" height=\"")
				.append(height)
				.append("\" fill=\"#ffffff\"/>\n");
			text(MARGIN, 46, 24, true, INK, "start", "title", TITLE);
			text(MARGIN, 74, 13, false, MUTED, "start", "subtitle",
					ChartText.fit(subtitle, 13, false, width - 2 * MARGIN));
			out.append("<line x1=\"")
				.append(MARGIN)
				.append("\" y1=\"88\" x2=\"")
				.append(width - MARGIN)
				.append("\" y2=\"88\" stroke=\"#d9e2ec\" stroke-width=\"1\"/>\n");
		}

		private void marker(String id, String colour) {
			out.append("<marker id=\"")
				.append(id)
				.append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"11\" markerHeight=\"11\" ")
				.append("markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
				.append(colour)
				.append("\"/></marker>\n");
		}

		void raw(String svg) {
			out.append(svg).append('\n');
		}

		void text(int x, int y, int size, boolean bold, String fill, String anchor, String cssClass, String text) {
			out.append("<text class=\"")
				.append(cssClass)
				.append("\" x=\"")
				.append(x)
				.append("\" y=\"")
				.append(y)
				.append("\" font-size=\"")
				.append(size)
				.append('"');
			if (bold) {
				out.append(" font-weight=\"bold\"");
			}
			if (!"start".equals(anchor)) {
				out.append(" text-anchor=\"").append(anchor).append('"');
			}
			out.append(" fill=\"").append(fill).append("\">").append(ChartText.escape(text)).append("</text>\n");
		}

		void areaLabels(ContactChartLayout layout) {
			int y = TOP - ContactChartLayout.AREA_LABEL + 32;
			boolean anyInternal = layout.boxes.stream().anyMatch(b -> !b.external());
			if (anyInternal) {
				text(MARGIN, y, 14, true, REPORT, "start", "area internal", "組織内（報告の流れ）");
			}
			ContactChartLayout.Band band = layout.band;
			if (band != null) {
				out.append("<rect class=\"band\" x=\"")
					.append(band.x())
					.append("\" y=\"")
					.append(band.y())
					.append("\" width=\"")
					.append(band.width())
					.append("\" height=\"")
					.append(band.height())
					.append("\" rx=\"10\" fill=\"#fdf5ea\" stroke=\"#efd9b9\" stroke-width=\"1\"/>\n");
				text(band.x() + 16, y, 14, true, "#8a4b00", "start", "area external", "外部関係機関");
			}
		}

		void link(ContactChartLayout.Link link) {
			StringBuilder d = new StringBuilder();
			for (ContactChartLayout.Point p : link.points()) {
				d.append(d.length() == 0 ? "M" : " L").append(p.x()).append(',').append(p.y());
			}
			out.append("<path class=\"link ")
				.append(link.external() ? "call" : "report")
				.append("\" data-from=\"contact-")
				.append(link.from())
				.append("\" data-to=\"contact-")
				.append(link.to())
				.append("\" d=\"")
				.append(d)
				.append("\" fill=\"none\" stroke=\"")
				.append(link.external() ? CALL : REPORT)
				.append("\" stroke-width=\"1.8\" stroke-linejoin=\"round\"");
			if (link.external()) {
				out.append(" stroke-dasharray=\"7 4\"");
			}
			out.append(" marker-end=\"url(#").append(link.external() ? "arrow-call" : "arrow-report").append(")\"/>\n");
		}

		void box(ContactChartLayout.Box box) {
			Contact c = box.contact();
			String colour = COLOURS.getOrDefault(c.category(), COLOURS.get("other"));
			int x = box.x();
			int y = box.y();
			out.append("<g id=\"contact-")
				.append(box.id())
				.append("\" class=\"contact ")
				.append(box.external() ? "external" : "internal")
				.append("\" data-category=\"")
				.append(ChartText.escape(c.category()))
				.append("\" data-level=\"")
				.append(box.level())
				.append("\">\n");
			out.append("<title>").append(ChartText.escape(tooltip(c))).append("</title>\n");
			out.append("<rect x=\"")
				.append(x + 2)
				.append("\" y=\"")
				.append(y + 3)
				.append("\" width=\"")
				.append(BOX_W)
				.append("\" height=\"")
				.append(BOX_H)
				.append("\" rx=\"8\" fill=\"#000000\" fill-opacity=\"0.07\"/>\n");
			out.append("<rect x=\"")
				.append(x)
				.append("\" y=\"")
				.append(y)
				.append("\" width=\"")
				.append(BOX_W)
				.append("\" height=\"")
				.append(BOX_H)
				.append("\" rx=\"8\" fill=\"#ffffff\" stroke=\"")
				.append(colour)
				.append("\" stroke-width=\"1.5\"/>\n");
			int r = 8;
			int band = 26;
			out.append("<path d=\"M")
				.append(x)
				.append(',')
				.append(y + band)
				.append(" V")
				.append(y + r)
				.append(" Q")
				.append(x)
				.append(',')
				.append(y)
				.append(' ')
				.append(x + r)
				.append(',')
				.append(y)
				.append(" H")
				.append(x + BOX_W - r)
				.append(" Q")
				.append(x + BOX_W)
				.append(',')
				.append(y)
				.append(' ')
				.append(x + BOX_W)
				.append(',')
				.append(y + r)
				.append(" V")
				.append(y + band)
				.append(" Z\" fill=\"")
				.append(colour)
				.append("\"/>\n");
			int inner = BOX_W - 24;
			int badge = c.escalationOrder() == null ? 0 : 24;
			int headerSize = ChartText.width(c.categoryLabel(), 12, true) <= inner - badge ? 12 : 11;
			text(x + 12, y + 18, headerSize, true, "#ffffff", "start", "category",
					ChartText.fit(c.categoryLabel(), headerSize, true, inner - badge));
			if (c.escalationOrder() != null) {
				orderBadge(x + BOX_W - 17, y + 13, colour, String.valueOf(c.escalationOrder()));
			}
			text(x + 12, y + 50, 16, true, INK, "start", "name", ChartText.fit(c.name(), 16, true, inner));
			int line = y + 70;
			for (Detail detail : details(c)) {
				String label = detail.label();
				double labelWidth = label.isEmpty() ? 0 : ChartText.width(label, 12, false) + 5;
				String value = ChartText.fit(detail.value(), 12, detail.strong(), inner - labelWidth);
				out.append("<text class=\"")
					.append(detail.cssClass())
					.append("\" x=\"")
					.append(x + 12)
					.append("\" y=\"")
					.append(line)
					.append("\" font-size=\"12\" fill=\"")
					.append(detail.missing() ? WARN : INK)
					.append("\">");
				if (!label.isEmpty()) {
					out.append("<tspan fill=\"")
						.append(MUTED)
						.append("\">")
						.append(ChartText.escape(label))
						.append("</tspan>");
				}
				out.append("<tspan");
				if (!label.isEmpty()) {
					out.append(" dx=\"5\"");
				}
				if (detail.strong()) {
					out.append(" font-weight=\"bold\"");
				}
				if (detail.cssClass().equals("organization") || detail.cssClass().equals("role")) {
					out.append(" fill=\"").append(MUTED).append('"');
				}
				out.append('>').append(ChartText.escape(value)).append("</tspan></text>\n");
				line += 16;
			}
			out.append("</g>\n");
		}

		/** 連絡順 as a white disc with the number in the box's colour. */
		void orderBadge(int cx, int cy, String colour, String number) {
			String shown = number.length() > 3 ? number.substring(0, 3) : number;
			out.append("<circle cx=\"")
				.append(cx)
				.append("\" cy=\"")
				.append(cy)
				.append("\" r=\"")
				.append(shown.length() > 1 ? 10 : 9)
				.append("\" fill=\"#ffffff\"/>\n");
			text(cx, cy + 4, shown.length() > 2 ? 9 : 11, true, colour, "middle", "order", shown);
		}

		void legend(int y, List<String> warnings) {
			out.append("<path d=\"M")
				.append(MARGIN)
				.append(',')
				.append(y - 4)
				.append(" H")
				.append(MARGIN + 44)
				.append("\" stroke=\"")
				.append(REPORT)
				.append("\" stroke-width=\"1.8\" marker-end=\"url(#arrow-report)\"/>\n");
			text(MARGIN + 54, y, 12, false, INK, "start", "legend", "組織内の報告（報告する人 → 報告先）");
			int second = MARGIN + 330;
			out.append("<path d=\"M")
				.append(second)
				.append(',')
				.append(y - 4)
				.append(" H")
				.append(second + 44)
				.append("\" stroke=\"")
				.append(CALL)
				.append("\" stroke-width=\"1.8\" stroke-dasharray=\"7 4\" marker-end=\"url(#arrow-call)\"/>\n");
			text(second + 54, y, 12, false, INK, "start", "legend", "外部への連絡（連絡する人 → 機関）");
			int third = second + 300;
			out.append("<circle cx=\"")
				.append(third + 9)
				.append("\" cy=\"")
				.append(y - 4)
				.append("\" r=\"9\" fill=\"#ffffff\" stroke=\"")
				.append(MUTED)
				.append("\" stroke-width=\"1\"/>\n");
			text(third + 9, y, 11, true, MUTED, "middle", "legend-order", "1");
			text(third + 26, y, 12, false, INK, "start", "legend", "連絡順（同じ報告先の中での順番）");
			int line = y + 28;
			for (String warning : warnings) {
				text(MARGIN, line, 12, false, WARN, "start", "warning", "※ " + warning);
				line += 20;
			}
		}

		String end() {
			return out.append("</svg>\n").toString();
		}

	}

	/** One line under the name. */
	private record Detail(String cssClass, String label, String value, boolean strong, boolean missing) {
	}

	/**
	 * Up to four lines: organisation, role, phones, email. Phones are never dropped — a
	 * box without any says so, since that is what to fix before the inspection.
	 */
	private static List<Detail> details(Contact c) {
		List<Detail> phones = new ArrayList<>();
		if (c.phone() != null) {
			phones.add(new Detail("phone", "電話", c.phone(), true, false));
		}
		if (c.phoneAfterHours() != null) {
			phones.add(new Detail("phone-after-hours", "夜間・休日", c.phoneAfterHours(), true, false));
		}
		if (phones.isEmpty()) {
			phones.add(new Detail("phone missing", "電話", "未登録", false, true));
		}
		List<Detail> lines = new ArrayList<>();
		if (c.organization() != null) {
			lines.add(new Detail("organization", "", c.organization(), false, false));
		}
		int room = 4 - phones.size() - lines.size();
		if (c.role() != null && room > 0) {
			lines.add(new Detail("role", "", c.role(), false, false));
			room--;
		}
		lines.addAll(phones);
		if (c.email() != null && room > 0) {
			lines.add(new Detail("email", "メール", c.email(), false, false));
		}
		return lines;
	}

	private static String tooltip(Contact c) {
		StringBuilder text = new StringBuilder(c.categoryLabel()).append(": ").append(c.name());
		if (c.escalationOrder() != null) {
			text.append(" / 連絡順 ").append(c.escalationOrder());
		}
		for (String part : new String[] { c.organization(), c.role(), c.phone(), c.phoneAfterHours(), c.email() }) {
			if (part != null) {
				text.append(" / ").append(part);
			}
		}
		return text.toString();
	}

}
