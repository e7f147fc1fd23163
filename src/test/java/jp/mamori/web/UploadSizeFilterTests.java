package jp.mamori.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Uploads over the small limit are refused before their body is read — except log
 * imports, whose files are streamed and may be large.
 */
@IntegrationTest
class UploadSizeFilterTests {

	static final byte[] LARGE = new byte[23 * 1024 * 1024];

	@Autowired
	MockMvc mvc;

	MvcResult upload(String path, byte[] body) throws Exception {
		return mvc.perform(post(path).contentType("multipart/form-data; boundary=x").content(body)).andReturn();
	}

	@Test
	void refusesALargeLedgerOrEvidenceUploadWithAJapaneseMessage() throws Exception {
		String org = UUID.randomUUID().toString();
		for (String path : new String[] { "/orgs/" + org + "/ledgers/devices/import",
				"/api/v1/orgs/" + org + "/devices/import", "/catalog/import" }) {
			MvcResult result = upload(path, LARGE);
			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(413);
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("ファイルが大きすぎます")
				.contains("21MB");
		}
	}

	@Test
	void letsLargeLogImportsAndSmallUploadsThrough() throws Exception {
		String org = UUID.randomUUID().toString();
		assertThat(upload("/orgs/" + org + "/logs/imports", LARGE).getResponse().getStatus()).isNotEqualTo(413);
		assertThat(upload("/api/v1/orgs/" + org + "/logs/imports", LARGE).getResponse().getStatus()).isNotEqualTo(413);
		assertThat(upload("/orgs/" + org + "/ledgers/devices/import", new byte[1024]).getResponse().getStatus())
			.isNotEqualTo(413);
	}

}
