package jp.mamori.catalog;

import java.util.Set;

import jp.mamori.catalog.internal.CatalogFileReader;
import jp.mamori.support.CatalogSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad catalog file is refused with every problem named by its line. */
class CatalogFileReaderTests {

	static final String VALID = CatalogSamples.MINIMAL_R8;

	static ChecklistVersion read(String content) {
		return CatalogFileReader.read("r8.yaml", content, Set.of("security_manager", "device_ledger"), Set.of(), false);
	}

	@Test
	void readsAMinimalValidFile() {
		ChecklistVersion version = read(VALID);

		assertThat(version.id()).isEqualTo("R8");
		assertThat(version.fiscalYear().startYear()).isEqualTo(2026);
		assertThat(version.form(FormCode.INSTITUTION).orElseThrow().items()).singleElement()
			.satisfies(item -> assertThat(item.label()).isEqualTo("1-①"));
	}

	@Test
	void namesTheLineOfAnUnknownConcept() {
		String bad = VALID.replace("concept: security_manager", "concept: security_boss");

		assertThatThrownBy(() -> read(bad)).isInstanceOfSatisfying(InvalidCatalogException.class,
				ex -> assertThat(ex.errors()).singleElement().satisfies(e -> {
					assertThat(e.line()).isEqualTo(15);
					assertThat(e.message()).contains("未定義の概念キー").contains("security_boss");
				}));
	}

	@Test
	void collectsEveryProblemAtOnce() {
		String bad = VALID.replace("confidence: M", "confidence: X\n            colour: red")
			.replace("text: 医療情報システム安全管理責任者を設置している。", "text: \"\"");

		assertThatThrownBy(() -> read(bad)).isInstanceOfSatisfying(InvalidCatalogException.class,
				ex -> assertThat(ex.errors()).extracting(CatalogError::toString)
					.anySatisfy(e -> assertThat(e).startsWith("16行目").contains("text"))
					.anySatisfy(e -> assertThat(e).startsWith("17行目").contains("V / S / M"))
					.anySatisfy(e -> assertThat(e).startsWith("18行目").contains("不明なキー")));
	}

	@Test
	void refusesDuplicateItemIdsAndBrokenYaml() {
		String duplicate = VALID + """
				          - id: "1-1"
				            number: "②"
				            concept: device_ledger
				            text: 台帳
				            confidence: V
				""";
		assertThatThrownBy(() -> read(duplicate)).hasMessageContaining("18行目").hasMessageContaining("重複");
		assertThatThrownBy(() -> read("version: [R8")).isInstanceOf(InvalidCatalogException.class)
			.hasMessageContaining("YAMLとして読めません");
	}

	@Test
	void refusesAnUnknownCheckId() {
		String bad = VALID.replace("confidence: M", "confidence: M\n            checks: [inventory.ledger-complete]");

		assertThatThrownBy(() -> read(bad)).hasMessageContaining("未登録のチェックID");
	}

}
