package jp.mamori.web.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ledger.LedgerFile;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The device ledger through the REST contract: CRUD, import (all or nothing), export,
 * round trip.
 */
@IntegrationTest
class DeviceLedgerTests {

	static final String HEADER = "機器名,種別,OS,IPアドレス,導入日,インターネットに接続\r\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	LedgerStore store;

	@Autowired
	Ledgers ledgers;

	Organization org;

	String token;

	@BeforeEach
	void clinic() {
		String admin = Fixtures.uniqueName("ledger");
		org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		token = tokens.create(org.id(), admin, admin);
	}

	String api(String path) {
		return "/api/v1/orgs/" + org.id() + "/devices" + path;
	}

	MockMultipartFile csv(String content, java.nio.charset.Charset charset) {
		return new MockMultipartFile("file", "devices.csv", "text/csv", content.getBytes(charset));
	}

	long devices() {
		return store.count(ledgers.require("devices"), org.id());
	}

	@Test
	void createsReadsUpdatesAndDeletesADevice() throws Exception {
		String created = mvc.perform(post(api("")).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"name":"電子カルテサーバ","kind":"server","os":"Windows Server 2019",
							 "ipAddresses":["192.168.10.11","192.168.20.11"],"inServiceOn":"2021-04-01","internetFacing":false}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("電子カルテサーバ"))
			.andExpect(jsonPath("$.ipAddresses", hasSize(2)))
			.andExpect(jsonPath("$.inServiceOn").value("2021-04-01"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

		mvc.perform(get(api("/" + id)).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("server"));
		mvc.perform(put(api("/" + id)).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"電子カルテサーバ\",\"kind\":\"server\",\"os\":\"Windows Server 2022\",\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.os").value("Windows Server 2022"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put(api("/" + id)).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"古い画面から\",\"kind\":\"server\",\"version\":0}")).andExpect(status().isConflict());
		mvc.perform(get(api("")).header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].os").value("Windows Server 2022"));
		mvc.perform(delete(api("/" + id)).header("Authorization", "Bearer " + token)).andExpect(status().isNoContent());
		assertThat(devices()).isZero();
	}

	@Test
	void refusesAnInvalidDeviceNamingTheColumn() throws Exception {
		mvc.perform(post(api("")).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"router\",\"colour\":\"red\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].column").value("colour"));
		mvc.perform(post(api("")).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"router\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.column == '機器名')].message").value("入力してください"))
			.andExpect(jsonPath("$.errors[?(@.column == '種別')].message").exists());
	}

	@Test
	void importsACp932CsvAndStoresNothingWhenOneRowIsBad() throws Exception {
		String bad = HEADER + "電子カルテサーバ,サーバ,Windows Server 2019,192.168.10.11,2021/4/1,いいえ\r\n"
				+ "受付PC,端末PC,Windows 11,192.168.10.21,2024/13/1,いいえ\r\n";

		mvc.perform(
				multipart(api("/import")).file(csv(bad, LedgerFile.CP932)).header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("導入日"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("存在しない日付")));
		assertThat(devices()).isZero();

		String good = bad.replace("2024/13/1", "2024/12/1");
		mvc.perform(
				multipart(api("/import")).file(csv(good, LedgerFile.CP932)).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2))
			.andExpect(jsonPath("$.encoding").value("CP932"));
		assertThat(devices()).isEqualTo(2);
	}

	@Test
	void anExportImportedBackUpdatesTheSameRows() throws Exception {
		String file = HEADER + "電子カルテサーバ,サーバ,Windows Server 2019,192.168.10.11,2021/4/1,いいえ\r\n";
		mvc.perform(multipart(api("/import")).file(csv(file, StandardCharsets.UTF_8))
			.header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		byte[] export = mvc
			.perform(get(api("/export")).param("format", "csv").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"devices.csv\"")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String edited = new String(export, StandardCharsets.UTF_8).replace("Windows Server 2019",
				"Windows Server 2022");
		mvc.perform(multipart(api("/import"))
			.file(new MockMultipartFile("file", "devices.csv", "text/csv", edited.getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inserted").value(0))
			.andExpect(jsonPath("$.updated").value(1));

		var rows = store.list(ledgers.require("devices"), org.id(), 0, 10);
		assertThat(rows).singleElement().satisfies(r -> {
			assertThat(r.value("os")).isEqualTo("Windows Server 2022");
			assertThat(r.value("ipAddresses")).isEqualTo(List.of("192.168.10.11"));
		});
	}

	@Test
	void importsTenThousandDevices() throws Exception {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < 10_000; i++) {
			file.append("端末")
				.append(i)
				.append(",端末PC,Windows 11,10.")
				.append(i / 250)
				.append('.')
				.append(i % 250)
				.append(".1,2024/4/1,いいえ\r\n");
		}

		mvc.perform(multipart(api("/import")).file(csv(file.toString(), LedgerFile.CP932))
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(10_000));

		assertThat(devices()).isEqualTo(10_000);
		mvc.perform(get(api("")).param("page", "3").param("size", "100").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.items", hasSize(100)))
			.andExpect(jsonPath("$.total").value(10_000));
	}

	@Test
	void theTemplateHasJapaneseHeadersAndAnExampleRow() throws Exception {
		byte[] xlsx = mvc.perform(get(api("/template")).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheet("機器台帳");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("機器名");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("電子カルテサーバ1");
			assertThat(workbook.getSheet("説明")).isNotNull();
		}
	}

	@Test
	void thePagesListTheLedgersAndImportInTwoSteps() throws Exception {
		String admin = Fixtures.uniqueName("ledger-page");
		Organization clinic = fixtures.clinicWith(admin, OrgRole.ADMIN);
		var asAdmin = user(admin);
		var token = csrf();
		String base = "/orgs/" + clinic.id() + "/ledgers";

		String index = mvc.perform(get(base).with(asAdmin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(index).contains("機器台帳").contains("2-①");

		String preview = mvc
			.perform(multipart(base + "/devices/import")
				.file(csv(HEADER + "PACSサーバ,サーバ,Ubuntu 22.04,10.1.1.1,2023/1/1,いいえ\r\n", LedgerFile.CP932))
				.with(asAdmin)
				.with(token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(preview).contains("1 行を追加").contains("CP932");
		assertThat(store.count(ledgers.require("devices"), clinic.id())).isZero();
		String upload = preview.replaceAll("(?s).*/devices/import/([0-9a-f-]{36}).*", "$1");

		String progressPage = mvc
			.perform(MockMvcRequestBuilders.post(base + "/devices/import/" + upload).with(asAdmin).with(token))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(progressPage).contains("/devices/import-jobs/");
		// the import runs in the background; the page polls its status fragment
		String status = "";
		for (int i = 0; i < 100 && !status.contains("import-done"); i++) {
			Thread.sleep(50);
			status = mvc.perform(get(progressPage).header("HX-Request", "true").with(asAdmin))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		}
		assertThat(status).startsWith("<section").contains("1 行を追加");
		assertThat(store.count(ledgers.require("devices"), clinic.id())).isEqualTo(1);
		String list = mvc.perform(get(base + "/devices").with(asAdmin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("PACSサーバ").contains("10.1.1.1");
	}

}
