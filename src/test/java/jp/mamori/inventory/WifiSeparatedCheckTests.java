package jp.mamori.inventory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** 2-⑬ for Wi-Fi: the register (無線LAN台帳) and what the check makes of it. */
@IntegrationTest
class WifiSeparatedCheckTests {

	@Autowired
	WifiSeparatedCheck check;

	@Autowired
	LedgerRecords records;

	@Autowired
	LedgerStore store;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Fixtures fixtures;

	EvaluationContext context(Organization org) {
		return new EvaluationContext(org.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	Organization clinic() {
		return fixtures.clinicWith(Fixtures.uniqueName("wifi"), OrgRole.ADMIN);
	}

	LedgerDefinition wifi() {
		return ledgers.require(InventoryLedgers.WIFI);
	}

	void ssid(Organization org, String ssid, String auth, String segment, Map<String, String> more) {
		Map<String, String> values = new LinkedHashMap<>(Map.of("ssid", ssid, "auth", auth, "segment", segment));
		values.putAll(more);
		records.create(wifi(), org.id(), values, "test");
	}

	@Test
	void isNotApplicableWithAnEmptyRegister() {
		CheckResult result = check.evaluate(context(clinic()));

		assertThat(result.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
		assertThat(result.reasons()).singleElement().satisfies(r -> assertThat(r).contains("SSID ごとに登録"));
	}

	@Test
	void passesWithEnterpriseEmrWifiAndSeparatedPatientWifi() {
		Organization org = clinic();
		ssid(org, "EMR-WLAN", "WPA2-Enterprise", "電子カルテ系", Map.of());
		ssid(org, "Mamori-Free", "WPA2-Personal", "患者用", Map.of("separated", "はい"));
		ssid(org, "Guest", "オープン（認証なし）", "ゲスト", Map.of("separated", "はい"));

		CheckResult result = check.evaluate(context(org));

		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons()).singleElement().satisfies(r -> assertThat(r).contains("3 件"));
	}

	@Test
	void passesWithPersonalEmrWifiWhenMacAddressesAreRestricted() {
		Organization org = clinic();
		ssid(org, "EMR-WLAN", "WPA2-Personal", "電子カルテ系", Map.of("macFilter", "はい"));

		assertThat(check.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);
	}

	@Test
	void failsForEmrWifiWithNeither8021xNorMacRestriction() {
		Organization org = clinic();
		ssid(org, "Karte-AP", "WPA2-Personal", "電子カルテ系", Map.of("dot1x", "いいえ", "macFilter", "いいえ"));

		CheckResult result = check.evaluate(context(org));

		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement()
			.satisfies(r -> assertThat(r).contains("Karte-AP").contains("802.1X").contains("MAC"));
		assertThat(result.refs()).extracting(CheckResult.Ref::label).containsExactly("Karte-AP");
	}

	@Test
	void failsForPatientWifiNotSeparatedFromTheEmrNetwork() {
		Organization org = clinic();
		ssid(org, "Patient-Free", "WPA2-Personal", "患者用", Map.of("separated", "いいえ"));

		CheckResult result = check.evaluate(context(org));

		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement()
			.satisfies(r -> assertThat(r).contains("Patient-Free").contains("患者用").contains("分離されていません"));
	}

	@Test
	void failsForGuestWifiWhoseSeparationIsNotRecorded() {
		Organization org = clinic();
		ssid(org, "Guest", "WPA2-Personal", "ゲスト", Map.of());

		assertThat(check.evaluate(context(org)).reasons()).singleElement()
			.satisfies(r -> assertThat(r).contains("ゲスト").contains("分離されていません"));
	}

	@Test
	void failsForWepOnTheEmrNetworkEvenWithMacRestriction() {
		Organization org = clinic();
		ssid(org, "OLD-AP", "WEP", "電子カルテ系", Map.of("macFilter", "はい"));

		assertThat(check.evaluate(context(org)).reasons()).singleElement()
			.satisfies(r -> assertThat(r).contains("OLD-AP").contains("WEP"));
	}

	@Test
	void failsForAnOpenBusinessNetwork() {
		Organization org = clinic();
		ssid(org, "Office", "オープン（認証なし）", "業務系", Map.of());

		assertThat(check.evaluate(context(org)).reasons()).singleElement()
			.satisfies(r -> assertThat(r).contains("Office").contains("業務系").contains("オープン"));
	}

	@Test
	void failsWhenTheSegmentIsNotRecorded() {
		Organization org = clinic();
		records.create(wifi(), org.id(), Map.of("ssid", "AP-3F", "auth", "WPA3-Personal"), "test");

		assertThat(check.evaluate(context(org)).reasons()).singleElement()
			.satisfies(r -> assertThat(r).contains("AP-3F").contains("ネットワーク区分"));
	}

	@Test
	void importsTheRegisterFromExcelCsvInShiftJisAndUtf8WithBom() {
		Organization org = clinic();
		String csv = "SSID,設置場所,認証方式,802.1X認証,MACアドレス制限,ネットワーク区分,電子カルテ系と分離\r\n"
				+ "EMR-WLAN,2階病棟,WPA2-Enterprise,はい,いいえ,電子カルテ系,\r\n"
				+ "Patient-Free,外来待合,WPA2-Personal,いいえ,いいえ,患者用,はい\r\n";
		records.importFile(wifi(), org.id(), "wifi.csv", csv.getBytes(Charset.forName("windows-31j")), "auto", "test");
		Organization second = clinic();
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[bom.length + utf8.length];
		System.arraycopy(bom, 0, withBom, 0, bom.length);
		System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
		records.importFile(wifi(), second.id(), "wifi.csv", withBom, "auto", "test");

		for (Organization each : new Organization[] { org, second }) {
			assertThat(store.list(wifi(), each.id(), 0, 100)).extracting(r -> r.value("ssid"), r -> r.value("segment"))
				.containsExactlyInAnyOrder(tuple("EMR-WLAN", "emr"), tuple("Patient-Free", "patient"));
			assertThat(check.evaluate(context(each)).status()).isEqualTo(CheckStatus.PASS);
		}
	}

	@Test
	void refusesAFileWithABadRowNamingRowAndFieldAndStoresNothing() {
		Organization org = clinic();
		String csv = "SSID,認証方式,ネットワーク区分\r\n" + "EMR-WLAN,WPA2-Enterprise,電子カルテ系\r\n" + "Lobby,WPA2-Personal,ロビー系\r\n";

		var preview = records.preview(wifi(), org.id(), "wifi.csv", csv.getBytes(StandardCharsets.UTF_8), "auto");

		assertThat(preview.valid()).isFalse();
		assertThat(preview.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(3);
			assertThat(e.column()).isEqualTo("ネットワーク区分");
		});
		assertThatThrownBy(() -> records.importFile(wifi(), org.id(), "wifi.csv", csv.getBytes(StandardCharsets.UTF_8),
				"auto", "test"))
			.isInstanceOf(jp.mamori.shared.ledger.InvalidLedgerDataException.class);
		assertThat(store.list(wifi(), org.id(), 0, 100)).isEmpty();
	}

	@Test
	void seesOnlyItsOwnOrganisationsRegister() {
		Organization mine = clinic();
		Organization other = clinic();
		ssid(other, "Karte-AP", "WPA2-Personal", "電子カルテ系", Map.of());
		ssid(mine, "EMR-WLAN", "WPA3-Enterprise", "電子カルテ系", Map.of());

		assertThat(check.evaluate(context(mine)).status()).isEqualTo(CheckStatus.PASS);
		assertThat(store.list(wifi(), mine.id(), 0, 100)).extracting(r -> r.value("ssid")).containsExactly("EMR-WLAN");
	}

}
