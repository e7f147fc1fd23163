package jp.mamori.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.mamori.catalog.internal.CatalogFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped R5/R6/R7 files: valid, and true to the published forms
 * (shared/reference/checklist.md).
 */
class BuiltInCatalogTests {

	static final Map<String, String> CONCEPTS = CatalogFileReader.readConcepts("concepts.yaml",
			resource("concepts.yaml"));

	static ChecklistVersion load(String version) {
		String content = resource(version.toLowerCase() + ".yaml");
		// check ids are resolved against the registered checks when the application
		// starts (every integration
		// test boots it); this unit test takes the file's own bindings as known
		Set<String> bound = new java.util.HashSet<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("checks: \\[([^\\]]*)]").matcher(content);
		while (m.find()) {
			for (String id : m.group(1).split(",")) {
				if (!id.isBlank()) {
					bound.add(id.strip());
				}
			}
		}
		return CatalogFileReader.read(version + ".yaml", content, CONCEPTS.keySet(), bound, true);
	}

	@Test
	void r7BindsEveryItemButTheGateToChecks() {
		ChecklistForm form = load("R7").form(FormCode.INSTITUTION).orElseThrow();

		assertThat(form.items()).filteredOn(i -> !i.isGate())
			.allSatisfy(i -> assertThat(i.checks()).as(i.id()).isNotEmpty());
		assertThat(form.item("2-5").orElseThrow().checks()).containsExactly("account.no-leaver-enabled");
	}

	static String resource(String name) {
		try (InputStream in = BuiltInCatalogTests.class.getResourceAsStream("/catalog/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "R5", "R6", "R7" })
	void everyVersionHasTheThreeFormsAndGuidanceForEveryRow(String id) {
		ChecklistVersion version = load(id);

		assertThat(version.forms()).extracting(ChecklistForm::code)
			.containsExactly(FormCode.INSTITUTION, FormCode.PHARMACY, FormCode.VENDOR);
		assertThat(version.forms()).flatExtracting(ChecklistForm::items).allSatisfy(item -> {
			assertThat(item.guidance().meaning()).isNotBlank();
			assertThat(item.guidance().yesWhen()).isNotBlank();
			assertThat(item.guidance().evidence()).isNotBlank();
			assertThat(item.sourceUrls()).isNotEmpty();
		});
	}

	@Test
	void r7InstitutionSectionTwoHasThirteenItemsWithThePublishedText() {
		ChecklistForm form = load("R7").form(FormCode.INSTITUTION).orElseThrow();

		List<CatalogItem> section2 = form.items().stream().filter(i -> i.sectionId().equals("2")).toList();
		assertThat(section2).extracting(CatalogItem::id)
			.containsExactly("2-1", "2-2", "2-3", "2-4", "2-5", "2-6", "2-7", "2-8", "2-9", "2-10", "2-11", "2-12",
					"2-13");
		assertThat(section2).extracting(CatalogItem::number)
			.containsExactly("①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬");
		assertThat(form.item("2-6").orElseThrow()).satisfies(item -> {
			assertThat(item.text()).isEqualTo("セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。");
			assertThat(item.concept()).isEqualTo("security_patch");
			assertThat(item.scopeLabel()).isEqualTo("医療情報システム全般");
			assertThat(item.confidence()).isEqualTo(Confidence.V);
		});
		assertThat(form.item("2-13").orElseThrow().text()).isEqualTo("接続元制限を実施している。");
		assertThat(form.item("2-10").orElseThrow().dueNote()).contains("令和9年度");
		assertThat(form.items().stream().filter(i -> i.sectionId().equals("1"))).extracting(CatalogItem::text)
			.containsExactly("医療情報システム安全管理責任者を設置している。");
		assertThat(form.items().stream().filter(i -> i.sectionId().equals("3"))).hasSize(3);
		assertThat(form.items().stream().filter(i -> i.sectionId().equals("4"))).extracting(CatalogItem::concept)
			.containsExactly("operating_rules");
		assertThat(form.gate()).hasValueSatisfying(g -> assertThat(g.id()).isEqualTo("0-1"));
		assertThat(form.item("2-2").orElseThrow().needsVendorContract()).isTrue();
	}

	@Test
	void r6SplitsItemsPrintedUnderSeveralScopeHeadingsIntoOneRowEachGroupedByHeading() {
		ChecklistForm form = load("R6").form(FormCode.INSTITUTION).orElseThrow();

		assertThat(form.items().stream().filter(i -> i.sectionId().equals("2"))).extracting(CatalogItem::id)
			.containsExactly("2-1", "2-2", "2-3", "2-4@server", "2-5@server", "2-6", "2-7@server", "2-9@server",
					"2-4@pc", "2-5@pc", "2-7@pc", "2-9@pc", "2-7@network", "2-8");
		assertThat(form.item("2-7@network").orElseThrow()).satisfies(item -> {
			assertThat(item.itemId()).isEqualTo("2-7");
			assertThat(item.scope()).isEqualTo(Scope.NETWORK);
			assertThat(item.scopeLabel()).isEqualTo("ネットワーク機器");
			assertThat(item.label()).isEqualTo("2-(7)");
		});
	}

	@Test
	void r5MarksReferenceRowsPerScope() {
		ChecklistForm form = load("R5").form(FormCode.INSTITUTION).orElseThrow();

		assertThat(form.item("2-4@pc").orElseThrow().reference()).isTrue();
		assertThat(form.item("2-4@server").orElseThrow().reference()).isFalse();
		assertThat(form.item("2-9@server").orElseThrow().reference()).isTrue();
		assertThat(form.item("3-3").orElseThrow().reference()).isTrue();
	}

	@Test
	void pharmacyFormCarriesItsOwnTitle() {
		assertThat(load("R7").form(FormCode.PHARMACY).orElseThrow().documentTitle())
			.isEqualTo("薬局におけるサイバーセキュリティ対策チェックリスト");
		assertThat(load("R7").form(FormCode.INSTITUTION).orElseThrow().documentTitle())
			.isEqualTo("医療機関におけるサイバーセキュリティ対策チェックリスト");
	}

	@Test
	void vendorFormHasNoGateAndNoVendorContractRule() {
		ChecklistForm vendor = load("R7").form(FormCode.VENDOR).orElseThrow();

		assertThat(vendor.gate()).isEmpty();
		assertThat(vendor.items()).noneMatch(CatalogItem::needsVendorContract);
	}

	@Test
	void conceptKeysLinkTheSameItemAcrossVersions() {
		assertThat(load("R6").form(FormCode.INSTITUTION).orElseThrow().itemsForConcept("access_log"))
			.extracting(CatalogItem::id)
			.containsExactly("2-6");
		assertThat(load("R7").form(FormCode.INSTITUTION).orElseThrow().itemsForConcept("access_log"))
			.extracting(CatalogItem::id)
			.containsExactly("2-11");
	}

}
