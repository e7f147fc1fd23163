package jp.mamori.catalog;

import java.nio.charset.StandardCharsets;

import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CatalogImportIntegrationTests {

	@Autowired
	ImportCatalogVersion importVersion;

	@Autowired
	Catalog catalog;

	@Test
	void importsANewVersionWhichThenCannotChange() {
		byte[] file = jp.mamori.support.CatalogSamples.MINIMAL_R8.replace("R8", "R9").getBytes(StandardCharsets.UTF_8);

		importVersion.importFile("r9.yaml", file, "admin");

		assertThat(catalog.versions()).extracting(ChecklistVersion::id).containsSubsequence("R5", "R6", "R7", "R9");
		assertThat(catalog.requireVersion("R9").builtIn()).isFalse();
		assertThatThrownBy(() -> importVersion.importFile("r9.yaml", file, "admin"))
			.isInstanceOf(InvalidCatalogException.class)
			.hasMessageContaining("既に登録されています");
	}

	@Test
	void refusesToReplaceABuiltInVersion() {
		byte[] file = jp.mamori.support.CatalogSamples.MINIMAL_R8.replace("R8", "R7").getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> importVersion.importFile("r7.yaml", file, "admin")).hasMessageContaining("既に登録されています");
		assertThat(catalog.requireVersion("R7").builtIn()).isTrue();
	}

	@Test
	void refusesAFileThatIsNotUtf8() {
		byte[] sjis = jp.mamori.support.CatalogSamples.MINIMAL_R8.replace("R8", "R10")
			.getBytes(java.nio.charset.Charset.forName("windows-31j"));

		assertThatThrownBy(() -> importVersion.importFile("r10.yaml", sjis, "admin")).hasMessageContaining("UTF-8");
		assertThat(catalog.version("R10")).isEmpty();
	}

}
