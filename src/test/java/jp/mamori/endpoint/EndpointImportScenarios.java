package jp.mamori.endpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.mamori.endpoint.facts.CollectorExamples;
import jp.mamori.identity.OrgRole;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.LedgerMother;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing collector files: devices created then updated (never duplicated, matched by
 * serial, host name or MAC), software, services, accounts and findings stored, a
 * malformed or unsupported file reported without stopping the others, zip archives with
 * unsafe entries, the REST contract, and organisations kept apart; run on H2 and on
 * PostgreSQL.
 */
abstract class EndpointImportScenarios {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	ImportCollectorFiles importer;

	@Autowired
	EndpointQueries queries;

	@Autowired
	Ledgers ledgers;

	@Autowired
	LedgerStore store;

	@Autowired
	MockMvc mvc;

	record Clinic(String username, OrgId org) {
	}

	Clinic clinic(OrgRole role) {
		String username = Fixtures.uniqueName("endpoint");
		return new Clinic(username, fixtures.clinicWith(username, role).id());
	}

	static List<ImportCollectorFiles.Upload> uploads(List<String> names) {
		return names.stream()
			.map(n -> new ImportCollectorFiles.Upload(n, CollectorExamples.bytes(n)))
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

	List<LedgerRow> devices(OrgId org) {
		return store.list(ledgers.require(InventoryLedgers.DEVICES), org, 0, 1000);
	}

	@Test
	void createsThenUpdatesDevicesWithoutDuplicatesAndReportsBadFiles() {
		OrgId org = clinic(OrgRole.ADMIN).org();
		List<ImportCollectorFiles.FileResult> first = importer.importFiles(org, uploads(CollectorExamples.ALL),
				"it-staff");
		assertThat(first).extracting(ImportCollectorFiles.FileResult::status)
			.containsExactly("created", "created", "created", "created", "created", "created", "error", "error");
		assertThat(first.get(6).message()).contains("JSON として読めません");
		assertThat(first.get(7).message()).contains("スキーマのバージョン「2」");
		assertThat(devices(org)).hasSize(6);

		List<ImportCollectorFiles.FileResult> second = importer.importFiles(org, uploads(CollectorExamples.VALID),
				"it-staff");
		assertThat(second).extracting(ImportCollectorFiles.FileResult::status).containsOnly("updated");
		assertThat(devices(org)).hasSize(6);
		assertThat(queries.machines(org)).hasSize(6);

		LedgerRow win10 = devices(org).stream()
			.filter(r -> "UKETSUKE-PC01".equals(r.value("hostname")))
			.findFirst()
			.orElseThrow();
		assertThat(win10.values()).containsEntry("kind", "pc")
			.containsEntry("serial", "YMFK012345")
			.containsEntry("usbPolicy", "allowed")
			.containsEntry("lastPatchedOn", java.time.LocalDate.of(2025, 9, 11));
		assertThat(win10.value("macAddresses")).isEqualTo(List.of("00:1A:2B:3C:4D:01"));
	}

	@Test
	void storesSoftwareServicesAccountsAndFindingsPerMachine() {
		OrgId org = clinic(OrgRole.ADMIN).org();
		mother.row("accounts", org, Map.of("system", "受付端末", "userId", "受付"));
		importer.importFiles(org, uploads(CollectorExamples.VALID), "it-staff");
		EndpointMachine win10 = machine(org, "UKETSUKE-PC01");
		assertThat(queries.software(org, win10.id())).extracting(s -> s.name()).contains("TeamViewer", "電子カルテ端末クライアント");
		assertThat(queries.services(org, win10.id())).extracting(s -> s.displayName()).contains("電子カルテ同期サービス");
		List<LocalAccount> accounts = queries.accounts(org, win10.id());
		assertThat(accounts).filteredOn(a -> a.name().equals("受付")).singleElement().satisfies(a -> {
			assertThat(a.administrator()).isTrue();
			assertThat(a.accountRowId()).isNotNull();
		});
		assertThat(accounts).filteredOn(a -> a.name().equals("kanri"))
			.singleElement()
			.satisfies(a -> assertThat(a.accountRowId()).isNull());
		assertThat(queries.findings(org, win10.id())).extracting(f -> f.id())
			.contains("av-disabled", "shared-local-admin", "remote-tool-present");
		assertThat(win10.findings()).isEqualTo(11);
		assertThat(machine(org, "FILE-SV01").findings()).isZero();
		assertThat(queries.facts(org, win10.id()))
			.hasValueSatisfying(f -> assertThat(f.usb().usbStorStart()).isEqualTo(3));
	}

	@Test
	void matchesExistingLedgerRowsByHostnameAndMac() {
		OrgId org = clinic(OrgRole.ADMIN).org();
		mother.row("devices", org,
				Map.of("name", "電子カルテサーバ", "kind", "サーバ", "hostname", "emr-sv01.hospital.local", "location", "サーバ室"));
		mother.row("devices", org, Map.of("name", "ファイルサーバ", "kind", "サーバ", "macAddresses", "00-1A-2B-3C-4D-12"));
		List<ImportCollectorFiles.FileResult> results = importer.importFiles(org,
				uploads(List.of(CollectorExamples.SERVER2016, CollectorExamples.SERVER2019)), "it-staff");
		assertThat(results).extracting(ImportCollectorFiles.FileResult::status).containsExactly("updated", "updated");
		assertThat(devices(org)).hasSize(2);
		LedgerRow emr = devices(org).stream().filter(r -> "電子カルテサーバ".equals(r.value("name"))).findFirst().orElseThrow();
		assertThat(emr.values()).containsEntry("location", "サーバ室").containsEntry("serial", "MA1234567");
	}

	@Test
	void importsAZipAndRefusesUnsafeEntries() throws IOException {
		OrgId org = clinic(OrgRole.ADMIN).org();
		byte[] zip = zip(Map.of("collected/" + CollectorExamples.WIN10,
				CollectorExamples.bytes(CollectorExamples.WIN10), "../../evil.json",
				CollectorExamples.bytes(CollectorExamples.WIN11), "readme.txt", "x".getBytes()));
		List<ImportCollectorFiles.FileResult> results = importer.importFiles(org,
				List.of(new ImportCollectorFiles.Upload("batch.zip", zip)), "it-staff");
		assertThat(results).extracting(ImportCollectorFiles.FileResult::status)
			.containsExactlyInAnyOrder("created", "error");
		assertThat(results).filteredOn(r -> r.status().equals("error"))
			.singleElement()
			.satisfies(r -> assertThat(r.message()).contains("上位フォルダ"));
		assertThat(devices(org)).hasSize(1);
	}

	@Test
	void restImportReturnsThePerFileReportAndOtherOrganisationsSeeNothing() throws Exception {
		Clinic clinic = clinic(OrgRole.EDITOR);
		Clinic other = clinic(OrgRole.ADMIN);
		String body = mvc
			.perform(multipart("/api/v1/orgs/{org}/collector/import", clinic.org().value())
				.file(file(CollectorExamples.WIN11))
				.file(file(CollectorExamples.MALFORMED))
				.with(user(clinic.username()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode files = JsonMapper.builder().build().readTree(body).get("files");
		assertThat(files).hasSize(2);
		assertThat(files.get(0).propertyNames()).containsExactly("file", "device", "status", "message");
		assertThat(files.get(0).get("device").asString()).isEqualTo("NS-PC-3F-01");
		assertThat(files.get(0).get("status").asString()).isEqualTo("created");
		assertThat(files.get(1).get("status").asString()).isEqualTo("error");

		assertThat(queries.machines(other.org())).isEmpty();
		assertThat(devices(other.org())).isEmpty();
		mvc.perform(get("/api/v1/orgs/{org}/endpoints", clinic.org().value()).with(user(other.username())))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/orgs/{org}/collector/import", clinic.org().value())
			.file(file(CollectorExamples.WIN10))
			.with(user(other.username()))
			.with(csrf())).andExpect(status().isForbidden());
		EndpointMachine machine = queries.machines(clinic.org()).get(0);
		mvc.perform(get("/orgs/{org}/endpoints/{id}", other.org().value(), machine.id()).with(user(other.username())))
			.andExpect(status().isNotFound());
	}

	@Test
	void pagesShowMachinesAndServeTheScript() throws Exception {
		Clinic clinic = clinic(OrgRole.VIEWER);
		importer.importFiles(clinic.org(), uploads(List.of(CollectorExamples.WIN10)), "it-staff");
		String list = mvc.perform(get("/orgs/{org}/endpoints", clinic.org().value()).with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("UKETSUKE-PC01")
			.contains("Collect-MamoriFacts.ps1")
			.doesNotContain("endpoint-upload-form");
		EndpointMachine machine = queries.machines(clinic.org()).get(0);
		String page = mvc
			.perform(
					get("/orgs/{org}/endpoints/{id}", clinic.org().value(), machine.id()).with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("TeamViewer").contains("RemoteRegistry").contains("av-disabled").contains("受付");
		byte[] script = mvc
			.perform(get("/orgs/{org}/endpoints/script", clinic.org().value()).with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(script).isEqualTo(jp.mamori.endpoint.facts.CollectorScript.bytes());
	}

	private EndpointMachine machine(OrgId org, String hostname) {
		return queries.machines(org).stream().filter(m -> m.hostname().equals(hostname)).findFirst().orElseThrow();
	}

	private static MockMultipartFile file(String name) {
		return new MockMultipartFile("files", name, "application/json", CollectorExamples.bytes(name));
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
