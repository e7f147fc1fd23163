package jp.mamori.inventory;

import java.time.LocalDate;
import java.util.Map;

import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.support.LedgerMother;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory checks (2-①, 2-②, 2-⑥, 2-⑨, 2-⑬) against rows of a fresh clinic each. */
@IntegrationTest
class InventoryChecksTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	DeviceLedgerCompleteCheck deviceLedgerComplete;

	@Autowired
	RemoteConnectionsConfirmedCheck remoteConnectionsConfirmed;

	@Autowired
	DevicesPatchedCheck devicesPatched;

	@Autowired
	ExternalMediaRestrictedCheck externalMediaRestricted;

	@Autowired
	SourceRestrictedCheck sourceRestricted;

	Organization clinic() {
		return fixtures.clinicWith(Fixtures.uniqueName("inv"), OrgRole.ADMIN);
	}

	static EvaluationContext context(Organization org) {
		return new EvaluationContext(org.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	/** A complete, patched, restricted server. */
	LedgerRow server(Organization org, String name, Map<String, String> overrides) {
		Map<String, String> raw = new java.util.HashMap<>(Map.ofEntries(Map.entry("name", name),
				Map.entry("kind", "サーバ"), Map.entry("os", "Windows Server 2022"), Map.entry("osVersion", "21H2"),
				Map.entry("hostname", "EMR-SV01"), Map.entry("location", "サーバ室"), Map.entry("owner", "システム担当"),
				Map.entry("supportEndsOn", "2031-10-14"), Map.entry("lastPatchedOn", "2025-06-01"),
				Map.entry("usbPolicy", "禁止"), Map.entry("status", "稼働中")));
		raw.putAll(overrides);
		return mother.row(InventoryLedgers.DEVICES, org.id(), raw);
	}

	static void assertFailNaming(CheckResult result, LedgerRow row, String name) {
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).anyMatch(r -> r.contains(name));
		assertThat(result.refs()).anyMatch(r -> r.rowId().equals(row.id()));
	}

	@Test
	void deviceLedgerComplete() {
		Organization org = clinic();
		assertThat(deviceLedgerComplete.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);

		server(org, "電子カルテサーバ1", Map.of());
		mother.row(InventoryLedgers.DEVICES, org.id(), Map.of("name", "旧サーバ", "kind", "server", "status", "廃棄・撤去"));
		CheckResult pass = deviceLedgerComplete.evaluate(context(org));
		assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
		assertThat(pass.reasons().get(0)).contains("1 台");

		LedgerRow pc = mother.row(InventoryLedgers.DEVICES, org.id(), Map.of("name", "受付PC", "kind", "端末PC", "os",
				"Windows 11", "osVersion", "23H2", "location", "受付", "owner", "医事課"));
		CheckResult fail = deviceLedgerComplete.evaluate(context(org));
		assertFailNaming(fail, pc, "受付PC");
		assertThat(fail.reasons()).containsExactly("受付PC のホスト名またはIPアドレスが記録されていません。");
	}

	@Test
	void deviceLedgerListsAtMostTwentyReasons() {
		Organization org = clinic();
		for (int i = 1; i <= 22; i++) {
			mother.row(InventoryLedgers.DEVICES, org.id(), Map.of("name", "端末" + i, "kind", "pc"));
		}
		CheckResult fail = deviceLedgerComplete.evaluate(context(org));
		assertThat(fail.reasons()).hasSize(21).last().isEqualTo("ほか 2 件");
		assertThat(fail.refs()).hasSize(22);
	}

	@Test
	void remoteConnectionsConfirmed() {
		Organization org = clinic();
		mother.row("vendors", org.id(), Map.of("name", "○○メディカル", "remoteMaintenance", "いいえ"));
		assertThat(remoteConnectionsConfirmed.evaluate(context(org)).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);

		LedgerRow vendor = mother.row("vendors", org.id(), Map.of("name", "△△システムズ株式会社", "remoteMaintenance", "はい"));
		assertFailNaming(remoteConnectionsConfirmed.evaluate(context(org)), vendor, "△△システムズ株式会社");

		mother.row(InventoryLedgers.REMOTE_CONNECTIONS, org.id(),
				Map.of("vendor", "△△システムズ株式会社", "target", "電子カルテサーバ1", "lastConfirmedOn", "2025-05-20"));
		assertThat(remoteConnectionsConfirmed.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);

		LedgerRow stale = mother.row(InventoryLedgers.REMOTE_CONNECTIONS, org.id(),
				Map.of("vendor", "□□画像", "target", "PACS", "lastConfirmedOn", "2025-03-31"));
		CheckResult fail = remoteConnectionsConfirmed.evaluate(context(org));
		assertFailNaming(fail, stale, "□□画像（PACS）");
		assertThat(fail.reasons()).anyMatch(r -> r.contains("2025-03-31"));
	}

	@Test
	void devicesPatched() {
		Organization org = clinic();
		assertThat(devicesPatched.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);

		server(org, "電子カルテサーバ1", Map.of("lastPatchedOn", "2025-03-17"));
		CheckResult pass = devicesPatched.evaluate(context(org));
		assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
		assertThat(pass.reasons().get(0)).contains("1 台").contains("90日以内に更新を適用しています");

		LedgerRow old = server(org, "レセコン", Map.of("lastPatchedOn", "2025-01-10"));
		LedgerRow eol = server(org, "旧ファイルサーバ", Map.of("os", "Windows Server 2012 R2", "supportEndsOn", "2023-10-10"));
		CheckResult fail = devicesPatched.evaluate(context(org));
		assertFailNaming(fail, old, "レセコン の最終更新適用日が 2025-01-10（90日より前）です");
		assertFailNaming(fail, eol, "旧ファイルサーバ の Windows Server 2012 R2 はサポートが 2023-10-10 に終了");
	}

	@Test
	void externalMediaRestricted() {
		Organization org = clinic();
		mother.row(InventoryLedgers.DEVICES, org.id(), Map.of("name", "ルータ", "kind", "network"));
		assertThat(externalMediaRestricted.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);

		server(org, "電子カルテサーバ1", Map.of("usbPolicy", "許可制"));
		assertThat(externalMediaRestricted.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);

		LedgerRow open = server(org, "受付PC", Map.of("kind", "pc", "usbPolicy", "allowed"));
		LedgerRow unrecorded = server(org, "診察室PC", Map.of("kind", "pc", "usbPolicy", ""));
		CheckResult fail = externalMediaRestricted.evaluate(context(org));
		assertFailNaming(fail, open, "受付PC の外部記録媒体の制限が「制限なし」");
		assertFailNaming(fail, unrecorded, "診察室PC");
	}

	@Test
	void sourceRestricted() {
		Organization org = clinic();
		server(org, "電子カルテサーバ1", Map.of());
		assertThat(sourceRestricted.evaluate(context(org)).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);

		LedgerRow vpn = server(org, "VPN装置", Map.of("kind", "network", "internetFacing", "はい"));
		assertFailNaming(sourceRestricted.evaluate(context(org)), vpn, "VPN装置");

		mother.row(InventoryLedgers.REMOTE_CONNECTIONS, org.id(), Map.of("vendor", "○○メディカル", "target", "VPN装置",
				"sourceRestricted", "はい", "allowedSources", "203.0.113.10"));
		assertThat(sourceRestricted.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);

		LedgerRow open = mother.row(InventoryLedgers.REMOTE_CONNECTIONS, org.id(),
				Map.of("vendor", "□□画像", "target", "PACS", "sourceRestricted", "いいえ"));
		LedgerRow noList = mother.row(InventoryLedgers.REMOTE_CONNECTIONS, org.id(),
				Map.of("vendor", "××検査", "target", "検査システム", "sourceRestricted", "はい"));
		CheckResult fail = sourceRestricted.evaluate(context(org));
		assertFailNaming(fail, open, "□□画像（PACS） の接続に接続元の制限がありません");
		assertFailNaming(fail, noList, "××検査（検査システム）");
		assertThat(fail.reasons()).hasSize(2);
	}

}
