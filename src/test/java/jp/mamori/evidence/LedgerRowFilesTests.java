package jp.mamori.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.mamori.identity.OrgRole;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The MDS/SDS a vendor sent, kept with its ledger row. */
@IntegrationTest
class LedgerRowFilesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Test
	void keepsAFileWithALedgerRowAndListsIt() throws Exception {
		String editor = Fixtures.uniqueName("mds");
		var clinic = fixtures.clinicWith(editor, OrgRole.EDITOR);
		var mds = ledgers.require("mds-sds");
		var row = records.create(mds, clinic.id(), Map.of(mds.labelKey(), "○○メディカル株式会社"), "test");
		String files = "/orgs/" + clinic.id() + "/ledgers/mds-sds/rows/" + row.id() + "/files";
		byte[] pdf = "%PDF-1.7 MDS".getBytes(StandardCharsets.US_ASCII);

		mvc.perform(multipart(files).file(new MockMultipartFile("file", "MDS_電子カルテ.pdf", "application/pdf", pdf))
			.with(user(editor))
			.with(csrf())).andExpect(status().is3xxRedirection());

		String list = mvc.perform(get(files).with(user(editor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).startsWith("<div").contains("MDS_電子カルテ.pdf").contains("SHA-256");
	}

	@Test
	void anotherOrganisationsRowIsNotFound() throws Exception {
		String editor = Fixtures.uniqueName("mds-a");
		var clinic = fixtures.clinicWith(editor, OrgRole.EDITOR);
		var other = fixtures.clinicWith(Fixtures.uniqueName("mds-b"), OrgRole.EDITOR);
		var mds = ledgers.require("mds-sds");
		var foreign = records.create(mds, other.id(), Map.of(mds.labelKey(), "他院の事業者"), "test");

		mvc.perform(get("/orgs/" + clinic.id() + "/ledgers/mds-sds/rows/" + foreign.id() + "/files").with(user(editor)))
			.andExpect(status().isNotFound());
	}

}
