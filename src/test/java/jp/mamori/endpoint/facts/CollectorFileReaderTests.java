package jp.mamori.endpoint.facts;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading collector files: every section of a full file, Japanese names intact, missing
 * sections kept as "not read" (null), unknown fields ignored, and clear Japanese refusals
 * for a truncated file, another schema version or a missing host name.
 */
class CollectorFileReaderTests {

	@Test
	void readsEverySectionOfAFullFile() {
		EndpointFacts m = CollectorExamples.read(CollectorExamples.WIN10);
		assertThat(m.hostname()).isEqualTo("UKETSUKE-PC01");
		assertThat(m.computer().workgroup()).isEqualTo("CLINIC");
		assertThat(m.computer().serialNumber()).isEqualTo("YMFK012345");
		assertThat(m.os().build()).isEqualTo(19045);
		assertThat(m.isTerminal()).isTrue();
		assertThat(m.hotfixes()).hasSize(3);
		assertThat(m.hotfixes().get(1).installedOn()).isEqualTo(LocalDate.of(2025, 9, 11));
		assertThat(m.windowsUpdate().serviceStartMode()).isEqualTo("Disabled");
		assertThat(m.software()).extracting(EndpointFacts.Software::name).contains("電子カルテ端末クライアント");
		assertThat(m.services()).extracting(EndpointFacts.Service::displayName).contains("電子カルテ同期サービス");
		assertThat(m.localUsers()).extracting(EndpointFacts.LocalUser::name).contains("受付");
		assertThat(m.administrators()).extracting(EndpointFacts.Member::shortName)
			.containsExactly("Administrator", "kanri", "受付");
		assertThat(m.passwordPolicy().maximumPasswordAgeDays()).isNull();
		assertThat(m.usb().usbStorStart()).isEqualTo(3);
		assertThat(m.defender().antivirusEnabled()).isFalse();
		assertThat(m.remoteDesktop().enabled()).isTrue();
		assertThat(m.firewall()).hasSize(3);
		assertThat(m.networkAdapters().get(0).macAddress()).isEqualTo("00:1A:2B:3C:4D:01");
		assertThat(m.eventLogs()).extracting(EndpointFacts.EventLog::logName)
			.containsExactly("Security", "System", "Application");
		assertThat(m.bitlocker()).hasSize(1);
		assertThat(m.errors()).isEmpty();
	}

	@Test
	void keepsUnreadSectionsAsNullAndIgnoresUnknownFields() {
		EndpointFacts m = CollectorExamples.read(CollectorExamples.PARTIAL);
		assertThat(m.hostname()).isEqualTo("KENSA-PC02");
		assertThat(m.software()).isNull();
		assertThat(m.services()).isNull();
		assertThat(m.localUsers()).isNull();
		assertThat(m.administrators()).isNull();
		assertThat(m.usb()).isNull();
		assertThat(m.defender()).isNull();
		assertThat(m.networkAdapters()).hasSize(1);
		assertThat(m.errors()).hasSize(16);
	}

	@Test
	void readsADomainControllerWithoutLocalAccounts() {
		EndpointFacts m = CollectorExamples.read(CollectorExamples.SERVER2022);
		assertThat(m.role()).isEqualTo("domain-controller");
		assertThat(m.computer().domain()).isEqualTo("hospital.local");
		assertThat(m.localUsers()).isNull();
	}

	@Test
	void refusesATruncatedFile() {
		assertThatThrownBy(() -> CollectorExamples.read(CollectorExamples.MALFORMED))
			.isInstanceOf(UnreadableFactsException.class)
			.hasMessageContaining(CollectorExamples.MALFORMED)
			.hasMessageContaining("JSON として読めません");
	}

	@Test
	void refusesAnotherSchemaVersion() {
		assertThatThrownBy(() -> CollectorExamples.read(CollectorExamples.UNSUPPORTED))
			.isInstanceOf(UnreadableFactsException.class)
			.hasMessageContaining("スキーマのバージョン「2」には対応していません");
	}

	@Test
	void refusesAFileWithoutHostname() {
		byte[] json = "{\"schemaVersion\":\"1\",\"collectedAt\":\"2026-11-20T10:00:00+09:00\",\"computer\":{}}"
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> CollectorFileReader.read("x.json", json))
			.hasMessageContaining("computer.hostname（コンピュータ名）がありません");
	}

	@Test
	void readsAFileResavedAsUtf16WithByteOrderMark() {
		String text = new String(CollectorExamples.bytes(CollectorExamples.WIN11), StandardCharsets.UTF_8);
		byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
		assertThat(CollectorFileReader.read("resaved.json", utf16).hostname()).isEqualTo("NS-PC-3F-01");
	}

	@Test
	void readsAValueOfTheWrongTypeAsMissing() {
		byte[] json = ("{\"schemaVersion\":\"1\",\"collectedAt\":\"2026-11-20T10:00:00+09:00\","
				+ "\"computer\":{\"hostname\":\"PC1\"},\"usb\":{\"usbStorStart\":\"three\"},\"software\":\"none\"}")
			.getBytes(StandardCharsets.UTF_8);
		EndpointFacts m = CollectorFileReader.read("x.json", json);
		assertThat(m.usb().usbStorStart()).isNull();
		assertThat(m.software()).isNull();
	}

}
