package jp.mamori.vendorportal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.Parties;
import jp.mamori.support.Parties.Side;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contract link between a clinic and a vendor organisation: made and removed by the
 * clinic's administrator, the only way to address a 事業者確認用 request, and the vendor's
 * read-only window on the devices and remote connections of the systems it covers — with
 * proposals that change the ledger only when the clinic approves.
 */
@IntegrationTest
class VendorLinksTests {

	@Autowired
	Parties parties;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Autowired
	VendorLinks links;

	@Autowired
	VendorRequests requests;

	@Autowired
	Ledgers ledgers;

	@Autowired
	LedgerRecords records;

	@Autowired
	LedgerStore store;

	@Autowired
	AuditTrail audit;

	Side clinic(String prefix) {
		return parties.clinic(prefix, OrgRole.ADMIN);
	}

	Side vendor(String prefix) {
		return parties.vendor(prefix);
	}

	LedgerRow device(Side clinic, String name, String system) {
		return records.create(ledgers.require(InventoryLedgers.DEVICES), clinic.org().id(),
				system == null ? Map.of("name", name, "kind", "server")
						: Map.of("name", name, "kind", "server", "system", system, "osVersion", "1809"),
				clinic.username());
	}

	LedgerRow connection(Side clinic, String vendorName, String target) {
		return records.create(ledgers.require(InventoryLedgers.REMOTE_CONNECTIONS), clinic.org().id(),
				Map.of("vendor", vendorName, "target", target, "method", "vpn"), clinic.username());
	}

	VendorLink link(Side clinic, Side vendor, String contractNumber, String... systems) {
		return links.link(clinic.org().id(), vendor.org().id().toString(), java.util.List.of(systems), contractNumber,
				"03-0000-0000", clinic.username());
	}

	String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(user(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void administratorLinksAVendorForSystemsOfItsLedgersAndUnlinksIt() throws Exception {
		Side clinic = clinic("vl-clinic-link");
		Side vendor = vendor("vl-vendor-link");
		device(clinic, "電子カルテサーバ1", "電子カルテ");
		String editor = Fixtures.uniqueName("vl-editor");
		users.create(clinic.org().id(), editor, "担当 次郎", Fixtures.PASSWORD, OrgRole.EDITOR, "test");
		String path = "/orgs/" + clinic.org().id() + "/vendor-links";

		assertThat(page(clinic.username(), path)).contains("電子カルテ", vendor.org().name());
		// only the administrator links
		mvc.perform(post(path).param("vendor", vendor.org().id().toString())
			.param("systems", "電子カルテ")
			.param("contractNumber", "K-2025-001")
			.with(user(editor))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(path).param("vendor", vendor.org().id().toString())
			.param("systems", "電子カルテ")
			.param("contractNumber", "K-2025-001")
			.param("emergencyContact", "保守センター 0120-000-000")
			.with(user(clinic.username()))
			.with(csrf())).andExpect(redirectedUrl(path));

		assertThat(links.ofClient(clinic.org().id())).singleElement().satisfies(l -> {
			assertThat(l.vendor()).isEqualTo(vendor.org().id());
			assertThat(l.contractNumber()).isEqualTo("K-2025-001");
			assertThat(l.systems()).containsExactly("電子カルテ");
		});
		assertThat(page(clinic.username(), path)).contains("K-2025-001", "保守センター 0120-000-000");
		assertThat(page(vendor.username(), "/orgs/" + vendor.org().id() + "/clients")).contains(clinic.org().name(),
				"K-2025-001");
		// a system that is in none of the clinic's ledgers cannot be covered
		Side other = vendor("vl-vendor-other");
		assertThatThrownBy(() -> link(clinic, other, "K-2", "架空のシステム")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("台帳にないシステム");
		assertThatThrownBy(() -> link(clinic, vendor, "K-3", "電子カルテ")).isInstanceOf(ConflictException.class);

		UUID linkId = links.ofClient(clinic.org().id()).get(0).id();
		mvc.perform(post(path + "/" + linkId + "/delete").with(user(clinic.username())).with(csrf()))
			.andExpect(redirectedUrl(path));
		assertThat(links.ofClient(clinic.org().id())).isEmpty();
		assertThat(page(vendor.username(), "/orgs/" + vendor.org().id() + "/clients"))
			.doesNotContain(clinic.org().name());
		mvc.perform(get("/orgs/" + vendor.org().id() + "/clients/" + clinic.org().id()).with(user(vendor.username())))
			.andExpect(status().isNotFound());
		assertThat(audit.entries(clinic.org().id(), 50)).extracting(AuditEntry::action)
			.contains("vendor-link.linked", "vendor-link.unlinked");
		assertThat(audit.entries(vendor.org().id(), 50)).extracting(AuditEntry::action)
			.contains("vendor-link.linked", "vendor-link.unlinked");
	}

	@Test
	void requestFormOffersOnlyLinkedVendors() throws Exception {
		Side clinic = clinic("vl-clinic-form");
		Side linked = vendor("vl-vendor-form-linked");
		Side unlinked = vendor("vl-vendor-form-unlinked");
		String path = "/orgs/" + clinic.org().id() + "/vendor-requests";

		assertThat(page(clinic.username(), path)).contains("id=\"no-vendors\"")
			.doesNotContain(linked.org().name(), unlinked.org().name());

		device(clinic, "PACSサーバ", "PACS");
		link(clinic, linked, "K-FORM-1", "PACS");

		assertThat(page(clinic.username(), path)).contains(linked.org().name())
			.doesNotContain(unlinked.org().name())
			.doesNotContain("id=\"no-vendors\"");
		assertThat(page(clinic.username(), path + "/import")).contains(linked.org().name())
			.doesNotContain(unlinked.org().name());
	}

	@Test
	void requestGoesOnlyToALinkedVendorForTheSystemsTheLinkCovers() {
		Side clinic = clinic("vl-clinic-req");
		Side linked = vendor("vl-vendor-linked");
		Side unlinked = vendor("vl-vendor-unlinked");
		device(clinic, "電子カルテサーバ1", "電子カルテ");
		device(clinic, "レセコン端末", "レセコン");
		link(clinic, linked, "K-100", "電子カルテ");

		assertThatThrownBy(() -> requests.send(clinic.org().id(), unlinked.org().id().toString(), 2025, "R7", "電子カルテ",
				clinic.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("契約の連携が登録されていないため依頼できません");
		assertThatThrownBy(() -> requests.send(clinic.org().id(), linked.org().id().toString(), 2025, "R7",
				"電子カルテ、レセコン", clinic.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("契約の対象外のシステムには依頼できません: レセコン");
		assertThat(requests.ofClient(clinic.org().id())).isEmpty();

		VendorRequest sent = requests.send(clinic.org().id(), linked.org().id().toString(), 2025, "R7", "電子カルテ",
				clinic.username());
		assertThat(requests.ofVendor(linked.org().id())).extracting(VendorRequest::id).containsExactly(sent.id());
		assertThat(requests.ofVendor(unlinked.org().id())).isEmpty();
	}

	@Test
	void vendorSeesOnlyInScopeRowsOfItsLinkedClients() throws Exception {
		Side clinic = clinic("vl-clinic-1");
		Side secondClinic = clinic("vl-clinic-2");
		Side unlinkedClinic = clinic("vl-clinic-3");
		Side vendor = vendor("vl-vendor-scope");
		String marker = "OUT-OF-SCOPE-" + UUID.randomUUID();
		LedgerRow emr = device(clinic, "電子カルテサーバ1", "電子カルテ");
		LedgerRow otherSystem = device(clinic, marker + "-receipt", "レセコン");
		LedgerRow noSystem = device(clinic, marker + "-nosystem", null);
		LedgerRow toSystem = connection(clinic, "IN-VPN-SYSTEM", "電子カルテ");
		LedgerRow toDevice = connection(clinic, "IN-VPN-DEVICE", "電子カルテサーバ1");
		LedgerRow elsewhere = connection(clinic, marker + "-vpn", "レセコン");
		LedgerRow pacs = device(secondClinic, "PACSサーバ", "PACS");
		device(secondClinic, marker + "-second", "電子カルテ");
		LedgerRow unlinkedDevice = device(unlinkedClinic, marker + "-unlinked", "電子カルテ");
		link(clinic, vendor, "K-1", "電子カルテ");
		link(secondClinic, vendor, "K-2", "PACS");
		OrgId v = vendor.org().id();

		String list = page(vendor.username(), "/orgs/" + v + "/clients");
		assertThat(list).contains(clinic.org().name(), secondClinic.org().name(), "K-1", "K-2")
			.doesNotContain(unlinkedClinic.org().name());

		String first = page(vendor.username(), "/orgs/" + v + "/clients/" + clinic.org().id());
		assertThat(first).contains("電子カルテサーバ1", "IN-VPN-SYSTEM", "IN-VPN-DEVICE").doesNotContain(marker);
		assertThat(links.scope(v, clinic.org().id()).devices().rows()).extracting(LedgerRow::id)
			.containsExactly(emr.id());
		assertThat(links.scope(v, clinic.org().id()).connections().rows()).extracting(LedgerRow::id)
			.containsExactlyInAnyOrder(toSystem.id(), toDevice.id());
		String second = page(vendor.username(), "/orgs/" + v + "/clients/" + secondClinic.org().id());
		assertThat(second).contains("PACSサーバ").doesNotContain(marker, "電子カルテサーバ1");

		// an unlinked client, and every out-of-scope row, are not found — whatever id is
		// guessed
		mvc.perform(get("/orgs/" + v + "/clients/" + unlinkedClinic.org().id()).with(user(vendor.username())))
			.andExpect(status().isNotFound());
		String rows = "/orgs/" + v + "/clients/";
		for (String path : new String[] { rows + clinic.org().id() + "/rows/devices/" + otherSystem.id(),
				rows + clinic.org().id() + "/rows/devices/" + noSystem.id(),
				rows + clinic.org().id() + "/rows/remote-connections/" + elsewhere.id(),
				rows + clinic.org().id() + "/rows/devices/" + pacs.id(),
				rows + clinic.org().id() + "/rows/devices/" + unlinkedDevice.id(),
				rows + unlinkedClinic.org().id() + "/rows/devices/" + unlinkedDevice.id(),
				rows + secondClinic.org().id() + "/rows/devices/" + emr.id(),
				rows + clinic.org().id() + "/rows/remote-connections/" + emr.id(),
				rows + clinic.org().id() + "/rows/vendors/" + emr.id() }) {
			mvc.perform(get(path).with(user(vendor.username()))).andExpect(status().isNotFound());
			mvc.perform(post(path).param("name", "x").with(user(vendor.username())).with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(links.proposalsOfClient(clinic.org().id())).isEmpty();
		assertThat(page(vendor.username(), rows + clinic.org().id() + "/rows/devices/" + emr.id()))
			.contains("電子カルテサーバ1")
			.doesNotContain(marker);
		// nothing else of the client: its own pages stay closed
		for (String path : new String[] { "/orgs/" + clinic.org().id() + "/ledgers/devices",
				"/orgs/" + clinic.org().id() + "/ledgers/devices/rows/" + emr.id(),
				"/orgs/" + clinic.org().id() + "/vendor-links" }) {
			mvc.perform(get(path).with(user(vendor.username()))).andExpect(status().isForbidden());
		}
	}

	@Test
	void approvedProposalChangesTheLedgerRowAndRejectedOneDoesNot() throws Exception {
		Side clinic = clinic("vl-clinic-prop");
		Side vendor = vendor("vl-vendor-prop");
		LedgerRow emr = device(clinic, "電子カルテサーバ1", "電子カルテ");
		device(clinic, "レセコン端末", "レセコン");
		link(clinic, vendor, "K-7", "電子カルテ");
		LedgerDefinition devices = ledgers.require(InventoryLedgers.DEVICES);
		String row = "/orgs/" + vendor.org().id() + "/clients/" + clinic.org().id() + "/rows/devices/" + emr.id();

		mvc.perform(post(row).param("osVersion", "22H2")
			.param("name", "電子カルテサーバ1")
			.param("comment", "6月の保守で更新しました")
			.with(user(vendor.username()))
			.with(csrf()))
			.andExpect(redirectedUrl("/orgs/" + vendor.org().id() + "/clients/" + clinic.org().id() + "?proposed"));
		VendorProposal proposal = links.proposalsOfClient(clinic.org().id()).get(0);
		assertThat(proposal.status()).isEqualTo(VendorProposalStatus.PENDING);
		assertThat(proposal.changes()).singleElement()
			.satisfies(
					c -> assertThat(c).isEqualTo(new VendorProposal.Change("osVersion", "OSのバージョン", "1809", "22H2")));
		// proposing changes nothing yet
		assertThat(store.find(devices, clinic.org().id(), emr.id()).orElseThrow().value("osVersion")).isEqualTo("1809");
		assertThat(page(clinic.username(), "/orgs/" + clinic.org().id() + "/vendor-links")).contains("22H2",
				"6月の保守で更新しました");

		mvc.perform(post("/orgs/" + clinic.org().id() + "/vendor-links/proposals/" + proposal.id() + "/approve")
			.with(user(clinic.username()))
			.with(csrf())).andExpect(redirectedUrl("/orgs/" + clinic.org().id() + "/vendor-links"));
		LedgerRow approved = store.find(devices, clinic.org().id(), emr.id()).orElseThrow();
		assertThat(approved.value("osVersion")).isEqualTo("22H2");
		assertThat(approved.value("name")).isEqualTo("電子カルテサーバ1");
		assertThat(approved.version()).isGreaterThan(emr.version());
		assertThat(links.proposalsOfClient(clinic.org().id()).get(0).status()).isEqualTo(VendorProposalStatus.APPROVED);
		assertThat(audit.entries(clinic.org().id(), 50)).extracting(AuditEntry::action)
			.contains("ledger.devices.updated", "vendor-proposal.proposed", "vendor-proposal.approved");
		assertThatThrownBy(() -> links.approve(clinic.org().id(), proposal.id(), null, clinic.username()))
			.isInstanceOf(ConflictException.class);

		VendorProposal second = links.propose(vendor.org().id(), clinic.org().id(), InventoryLedgers.DEVICES, emr.id(),
				Map.of("location", "2階サーバ室"), "移設しました", vendor.username());
		assertThatThrownBy(() -> links.reject(clinic.org().id(), second.id(), " ", clinic.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("却下の理由");
		links.reject(clinic.org().id(), second.id(), "移設はまだです", clinic.username());
		LedgerRow afterReject = store.find(devices, clinic.org().id(), emr.id()).orElseThrow();
		assertThat(afterReject.value("location")).isNull();
		assertThat(afterReject.version()).isEqualTo(approved.version());
		assertThat(page(vendor.username(), "/orgs/" + vendor.org().id() + "/clients/" + clinic.org().id()))
			.contains("移設はまだです", "却下", "承認");

		// a device cannot be moved out of the contract's systems, nor a proposal be empty
		assertThatThrownBy(() -> links.propose(vendor.org().id(), clinic.org().id(), InventoryLedgers.DEVICES, emr.id(),
				Map.of("system", "レセコン"), null, vendor.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("契約の対象外のシステムには変更できません");
		assertThatThrownBy(() -> links.propose(vendor.org().id(), clinic.org().id(), InventoryLedgers.DEVICES, emr.id(),
				Map.of("osVersion", "22H2"), null, vendor.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("変更する値がありません");
		// another clinic cannot decide this clinic's proposal
		Side other = clinic("vl-clinic-other");
		VendorProposal third = links.propose(vendor.org().id(), clinic.org().id(), InventoryLedgers.DEVICES, emr.id(),
				Map.of("location", "1階"), null, vendor.username());
		mvc.perform(post("/orgs/" + other.org().id() + "/vendor-links/proposals/" + third.id() + "/approve")
			.with(user(other.username()))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(store.find(devices, clinic.org().id(), emr.id()).orElseThrow().value("location")).isNull();
	}

}
