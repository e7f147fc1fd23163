package jp.mamori.continuity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The 連絡体制図 as the inspector reads it: the SVG is parsed back with the JDK's XML parser
 * and its boxes, texts and arrows are checked by position.
 */
class ContactChartTests {

	static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	static Contact contact(String name, String category, String reportsTo, Long order) {
		return new Contact(name, null, category, null, null, null, null, reportsTo, order);
	}

	/** The parsed chart. */
	record Chart(String svg, Document doc) {

		static Chart of(List<Contact> contacts) {
			String svg = ContactChart.render(contacts, "テスト診療所", TODAY);
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setNamespaceAware(true);
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
				Document doc = factory.newDocumentBuilder()
					.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
				return new Chart(svg, doc);
			}
			catch (Exception ex) {
				throw new AssertionError("not well-formed XML:\n" + svg, ex);
			}
		}

		List<Element> elements(String tag) {
			NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
			List<Element> list = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				list.add((Element) nodes.item(i));
			}
			return list;
		}

		List<String> texts(String cssClass) {
			return elements("text").stream()
				.filter(t -> List.of(t.getAttribute("class").split(" ")).contains(cssClass))
				.map(Element::getTextContent)
				.toList();
		}

		/** Contact boxes by the name they show. */
		Map<String, Element> boxes() {
			Map<String, Element> boxes = new LinkedHashMap<>();
			for (Element g : elements("g")) {
				if (g.getAttribute("class").startsWith("contact")) {
					boxes.put(childText(g, "name"), g);
				}
			}
			return boxes;
		}

		Element box(String name) {
			Element g = boxes().get(name);
			assertThat(g).as("box of " + name).isNotNull();
			return g;
		}

		/** The framed rectangle of a box (not its shadow). */
		int x(String name) {
			return Integer.parseInt(frame(box(name)).getAttribute("x"));
		}

		int y(String name) {
			return Integer.parseInt(frame(box(name)).getAttribute("y"));
		}

		int width(String name) {
			return Integer.parseInt(frame(box(name)).getAttribute("width"));
		}

		String category(String name) {
			return box(name).getAttribute("data-category");
		}

		boolean external(String name) {
			return box(name).getAttribute("class").contains("external");
		}

		/** Arrows as "from → to" by name, with their kind. */
		List<String> links(String kind) {
			Map<String, String> nameById = new LinkedHashMap<>();
			boxes().forEach((name, g) -> nameById.put(g.getAttribute("id"), name));
			return elements("path").stream()
				.filter(p -> p.getAttribute("class").equals("link " + kind))
				.map(p -> nameById.get(p.getAttribute("data-from")) + " → " + nameById.get(p.getAttribute("data-to")))
				.toList();
		}

		private static Element frame(Element g) {
			NodeList rects = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
			for (int i = 0; i < rects.getLength(); i++) {
				Element rect = (Element) rects.item(i);
				if (rect.hasAttribute("stroke")) {
					return rect;
				}
			}
			throw new AssertionError("box without frame");
		}

		private static String childText(Element g, String cssClass) {
			NodeList texts = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
			for (int i = 0; i < texts.getLength(); i++) {
				Element text = (Element) texts.item(i);
				if (text.getAttribute("class").equals(cssClass)) {
					return text.getTextContent();
				}
			}
			return null;
		}

	}

	static List<Contact> clinic() {
		return List.of(contact("院長 山田", "director", null, null), contact("安全管理 花子", "security_manager", "院長 山田", 1L),
				contact("事務長 佐藤", "department", "院長 山田", 2L), contact("システム 鈴木", "it", "安全管理 花子", null),
				contact("受付 高橋", "first_finder", "事務長 佐藤", 2L), contact("看護師 伊藤", "first_finder", "事務長 佐藤", 1L));
	}

	@Test
	void drawsTheInternalChainTopDownAlongReportsTo() {
		Chart chart = Chart.of(clinic());

		assertThat(chart.y("院長 山田")).isLessThan(chart.y("安全管理 花子"));
		assertThat(chart.y("安全管理 花子")).isEqualTo(chart.y("事務長 佐藤")).isLessThan(chart.y("システム 鈴木"));
		assertThat(chart.y("受付 高橋")).isEqualTo(chart.y("看護師 伊藤")).isEqualTo(chart.y("システム 鈴木"));
		// 連絡順 orders siblings: 安全管理 (1) left of 事務長 (2), 看護師 (1) left of 受付 (2)
		assertThat(chart.x("安全管理 花子")).isLessThan(chart.x("事務長 佐藤"));
		assertThat(chart.x("看護師 伊藤")).isLessThan(chart.x("受付 高橋"));
		// a parent is centred over its children
		assertThat(chart.x("事務長 佐藤")).isEqualTo((chart.x("看護師 伊藤") + chart.x("受付 高橋")) / 2);
		assertThat(chart.links("report")).containsExactlyInAnyOrder("安全管理 花子 → 院長 山田", "事務長 佐藤 → 院長 山田",
				"システム 鈴木 → 安全管理 花子", "受付 高橋 → 事務長 佐藤", "看護師 伊藤 → 事務長 佐藤");
		assertThat(chart.elements("path")).filteredOn(p -> p.getAttribute("class").equals("link report"))
			.allMatch(p -> p.getAttribute("marker-end").equals("url(#arrow-report)"));
		assertThat(chart.texts("title")).containsExactly(ContactChart.TITLE);
		assertThat(chart.texts("subtitle").get(0)).contains("テスト診療所").contains("2025年6月1日").contains("3-①");
		assertThat(chart.texts("warning")).isEmpty();
	}

	@Test
	void showsCategoryNameOrganisationAndPhonesInEveryBox() {
		Contact director = new Contact("院長 山田", "やまだクリニック", "director", "最終判断", "03-1111-2222", "090-3333-4444", null,
				null, 1L);
		Chart chart = Chart.of(List.of(director, contact("警察署", "police", null, null)));

		Element box = chart.box("院長 山田");
		String text = box.getTextContent();
		assertThat(text).contains("院長・管理者", "やまだクリニック", "03-1111-2222", "090-3333-4444");
		assertThat(chart.texts("order")).containsExactly("1");
		assertThat(chart.box("警察署").getTextContent()).contains("警察", "未登録");
	}

	@Test
	void putsOutsideBodiesInABandOnTheRightWithCallsFromTheNamedContact() {
		List<Contact> contacts = new ArrayList<>(clinic());
		contacts.add(contact("医療情報技術推進室", "mhlw", null, null));
		contacts.add(contact("県警 サイバー犯罪相談窓口", "police", "院長 山田", null));
		contacts.add(contact("○○メディカル", "vendor", "システム 鈴木", null));
		contacts.add(contact("○○メディカル 下請", "vendor", "○○メディカル", null));
		Chart chart = Chart.of(contacts);

		int internalRight = chart.boxes()
			.keySet()
			.stream()
			.filter(n -> !chart.external(n))
			.mapToInt(n -> chart.x(n) + chart.width(n))
			.max()
			.orElseThrow();
		for (String external : List.of("医療情報技術推進室", "県警 サイバー犯罪相談窓口", "○○メディカル", "○○メディカル 下請")) {
			assertThat(chart.external(external)).as(external).isTrue();
			assertThat(chart.x(external)).as(external).isGreaterThan(internalRight + 40);
			assertThat(chart.x(external)).isEqualTo(chart.x("医療情報技術推進室"));
		}
		// one column, top-down
		List<Integer> ys = chart.boxes().keySet().stream().filter(chart::external).map(chart::y).sorted().toList();
		assertThat(ys).doesNotHaveDuplicates();
		// nobody named for MHLW: the security manager calls
		assertThat(chart.links("call")).containsExactlyInAnyOrder("安全管理 花子 → 医療情報技術推進室", "院長 山田 → 県警 サイバー犯罪相談窓口",
				"システム 鈴木 → ○○メディカル", "○○メディカル → ○○メディカル 下請");
		assertThat(chart.elements("rect")).anyMatch(r -> r.getAttribute("class").equals("band"));
		assertThat(chart.texts("area")).containsExactly("組織内（報告の流れ）", "外部関係機関");
	}

	@Test
	void withoutASecurityManagerTheDirectorCallsOutsideBodies() {
		Chart chart = Chart.of(List.of(contact("院長", "director", null, null), contact("事務", "department", "院長", null),
				contact("個人情報保護委員会", "ppc", null, null)));

		assertThat(chart.links("call")).containsExactly("院長 → 個人情報保護委員会");
	}

	@Test
	void breaksCyclesInReportsToInsteadOfLooping() {
		List<Contact> contacts = List.of(contact("院長", "director", "事務長", null),
				contact("事務長", "department", "院長", null), contact("職員A", "first_finder", "職員B", null),
				contact("職員B", "first_finder", "職員A", null), contact("自分", "it", "自分", null));
		Chart chart = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Chart.of(contacts));

		assertThat(chart.box("院長").getAttribute("data-level")).isEqualTo("0");
		assertThat(chart.box("事務長").getAttribute("data-level")).isEqualTo("1");
		assertThat(chart.box("自分").getAttribute("data-level")).isEqualTo("0");
		assertThat(chart.links("report")).contains("事務長 → 院長").doesNotContain("院長 → 事務長");
		assertThat(chart.links("report")).hasSize(2);
		assertThat(chart.texts("warning")).hasSize(3)
			.anyMatch(w -> w.contains("循環") && w.contains("院長 → 事務長 → 院長"))
			.anyMatch(w -> w.contains("自分 → 自分"));
	}

	@Test
	void saysWhenAReportsToNamesNobody() {
		Chart chart = Chart.of(List.of(contact("受付", "first_finder", "退職した人", null)));

		assertThat(chart.box("受付").getAttribute("data-level")).isEqualTo("0");
		assertThat(chart.texts("warning")).singleElement().asString().contains("退職した人");
	}

	@Test
	void anEmptyLedgerGivesAChartSayingSo() {
		Chart chart = Chart.of(List.of());

		assertThat(chart.boxes()).isEmpty();
		assertThat(chart.texts("empty")).containsExactly("連絡先が登録されていません");
		assertThat(chart.doc().getDocumentElement().getAttribute("width")).isNotEmpty();
	}

	@Test
	void escapesMarkupInNames() {
		Contact tricky = new Contact("<&> \"山田\" 'x'", "A&B <病院>", "director", "<script>alert(1)</script>", "03&04",
				null, null, null, null);
		Chart chart = Chart.of(List.of(tricky, contact("事務 <b>", "department", "<&> \"山田\" 'x'", null)));

		assertThat(chart.boxes()).containsKeys("<&> \"山田\" 'x'", "事務 <b>");
		assertThat(chart.box("<&> \"山田\" 'x'").getTextContent()).contains("A&B <病院>");
		assertThat(chart.links("report")).containsExactly("事務 <b> → <&> \"山田\" 'x'");
		assertThat(chart.svg()).doesNotContain("<&>", "<script>", "<b>").contains("&lt;&amp;&gt;");
		assertThat(chart.elements("script")).isEmpty();
	}

	@Test
	void truncatesLongNamesToTheBoxWithAnEllipsis() {
		String longName = "地方独立行政法人なんとか県立なんとか総合医療センター医療情報部システム管理室";
		Chart chart = Chart.of(List.of(contact(longName, "it", null, null),
				contact("Very Long Vendor Name Incorporated Medical Systems Division", "vendor", null, null)));

		List<String> names = chart.texts("name");
		assertThat(names).hasSize(2).allMatch(n -> n.endsWith(ChartText.ELLIPSIS));
		for (String shown : names) {
			assertThat(ChartText.width(shown, 16, true)).isLessThanOrEqualTo(ContactChartLayout.BOX_W - 24);
		}
		assertThat(names.get(0)).startsWith("地方独立行政法人");
		// the whole name stays in the box's tooltip
		assertThat(chart.elements("title")).anyMatch(t -> t.getTextContent().contains(longName));
	}

	@Test
	void countsACjkCharacterAsAboutOneEm() {
		assertThat(ChartText.width("連絡体制", 10, false)).isEqualTo(40.0);
		assertThat(ChartText.width("ABCD", 10, false)).isLessThan(ChartText.width("連絡体制", 10, false));
		assertThat(ChartText.fit("短い名前", 16, true, 200)).isEqualTo("短い名前");
		assertThat(ChartText.clean("院長\n山田\u0007")).isEqualTo("院長 山田");
	}

}
