package jp.mamori.network.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.mamori.shared.BadInputException;
import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GLPI inventory JSON into ledger-shaped devices: the shared samples' ground truth (a
 * Fedora workstation, three switches, a printer) and our own Windows server fixture with
 * unknown fields and a nameless software entry.
 */
class GlpiInventoryReaderTests {

	static GlpiImport read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new GlpiInventoryReader().read(in, file.getFileName().toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static GlpiDevice sample(String name) {
		GlpiImport imported = read(SharedSamples.sample("inventory/" + name));
		assertThat(imported.devices()).hasSize(1);
		return imported.devices().get(0);
	}

	static GlpiImport text(String json) {
		return new GlpiInventoryReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
				"test.json");
	}

	@Test
	void readsTheFedoraWorkstation() {
		GlpiDevice pc = sample("computer_1.json");
		assertThat(pc.kind()).isEqualTo(GlpiDevice.PC);
		assertThat(pc.name()).isEqualTo("glpixps");
		assertThat(pc.hostname()).isEqualTo("glpixps");
		assertThat(pc.os()).isEqualTo("Fedora 31 (Workstation Edition)");
		assertThat(pc.osVersion()).isEqualTo("31 (Workstation Edition)");
		assertThat(pc.maker()).isEqualTo("Dell Inc.");
		assertThat(pc.model()).isEqualTo("XPS 13 9350");
		assertThat(pc.serial()).isEqualTo("640HP72");
		// loopback and link-local addresses name no device on the network
		assertThat(pc.ipAddresses()).containsExactly("192.168.1.142", "192.168.1.118", "192.168.122.1");
		assertThat(pc.macAddresses()).containsExactly("00:e0:4c:68:01:db", "44:85:00:2b:90:bc", "52:54:00:fa:20:0e");
		assertThat(pc.software()).hasSize(6);
		assertThat(pc.softwareLines()).contains("gitg 3.32.1-1.fc31", "tar 1.32-2.fc31", "gettext 0.20.1-3.fc31");
		assertThat(pc.software()).allSatisfy(s -> assertThat(s.publisher()).isEqualTo("Fedora Project"));
		assertThat(pc.users()).containsExactly("trasher", "root");
		assertThat(pc.ports()).isNull();
	}

	@Test
	void readsTheCiscoCatalystWithItsIosRelease() {
		GlpiDevice cisco = sample("networkequipment_2.json");
		assertThat(cisco.kind()).isEqualTo(GlpiDevice.NETWORK);
		assertThat(cisco.maker()).isEqualTo("Cisco");
		assertThat(cisco.model()).isEqualTo("Catalyst 3750-24/48");
		assertThat(cisco.os()).isEqualTo("Cisco IOS");
		assertThat(cisco.osVersion()).isEqualTo("12.2(55)SE6");
		assertThat(cisco.firmware()).isEqualTo("12.2(55)SE6");
		assertThat(cisco.ports()).isEqualTo(475);
		assertThat(cisco.serial()).isEqualTo("FOC1243W0ED");
		assertThat(cisco.ipAddresses()).hasSize(29).contains("10.1.0.100", "185.10.255.250");
		assertThat(cisco.macAddresses()).containsExactly("00:23:ac:6a:01:00");
		assertThat(cisco.ledgerKind()).isEqualTo("network");
	}

	@Test
	void readsTheHpSwitch() {
		GlpiDevice hp = sample("networkequipment_3.json");
		assertThat(hp.kind()).isEqualTo(GlpiDevice.NETWORK);
		assertThat(hp.maker()).isEqualTo("Hewlett-Packard");
		assertThat(hp.model()).isEqualTo("2530-48G");
		assertThat(hp.firmware()).isEqualTo("YA.15.12.0015");
		assertThat(hp.os()).isNull();
		assertThat(hp.ipAddresses()).containsExactly("192.168.63.30");
		assertThat(hp.ports()).isEqualTo(61);
	}

	@Test
	void readsTheDlinkSwitch() {
		GlpiDevice dlink = sample("networkequipment_5.json");
		assertThat(dlink.maker()).isEqualTo("D-Link");
		assertThat(dlink.model()).isEqualTo("DGS-3420-52T");
		assertThat(dlink.firmware()).isEqualTo("1.50B032");
		assertThat(dlink.ipAddresses()).containsExactly("192.168.16.51");
		assertThat(dlink.location()).isEqualTo("WOB Serverraum");
	}

	@Test
	void readsThePrinterAsOtherForTheLedger() {
		GlpiDevice printer = sample("printer_1.json");
		assertThat(printer.kind()).isEqualTo(GlpiDevice.PRINTER);
		assertThat(printer.ledgerKind()).isEqualTo(GlpiDevice.OTHER);
		assertThat(printer.model()).isEqualTo("HP LaserJet M507");
		assertThat(printer.maker()).isEqualTo("Hewlett-Packard");
		assertThat(printer.serial()).isEqualTo("PHCVN191TG");
		assertThat(printer.firmware()).isEqualTo("2409048_052887");
		assertThat(printer.ipAddresses()).containsExactly("10.59.29.175");
		assertThat(printer.macAddresses()).containsExactly("00:68:eb:f2:be:10");
		assertThat(printer.ports()).isEqualTo(2);
	}

	@Test
	void readsOurWindowsServerToleratingUnknownFieldsAndSkippingANamelessProgram() throws URISyntaxException {
		GlpiImport imported = read(Path
			.of(GlpiInventoryReaderTests.class.getResource("/network/inventory/clinic-emr-server.json").toURI()));
		GlpiDevice server = imported.devices().get(0);
		assertThat(server.kind()).isEqualTo(GlpiDevice.SERVER);
		assertThat(server.name()).isEqualTo("EMR-SV01");
		assertThat(server.maker()).isEqualTo("FUJITSU");
		assertThat(server.model()).isEqualTo("PRIMERGY RX1330 M4");
		assertThat(server.os()).isEqualTo("Microsoft Windows Server 2019 Standard");
		// the release and, for Windows, its build, as the ledger's example writes it
		assertThat(server.osVersion()).isEqualTo("1809 (10.0.17763)");
		assertThat(server.ipAddresses()).containsExactly("192.168.10.10", "10.10.0.10");
		assertThat(server.macAddresses()).containsExactly("00:15:5d:0a:0b:0c", "00:15:5d:0a:0b:0d",
				"00:15:5d:0a:0b:0e");
		assertThat(server.softwareLines()).containsExactly("Microsoft SQL Server 2016 (64-bit) 13.2.5026.0",
				"電子カルテ クライアント 5.2.1", "7-Zip 19.00 (x64)", "TeamViewer 15.4");
		assertThat(server.users()).containsExactly("Administrator", "CLINIC\\maint");
		assertThat(imported.skipped()).isEqualTo(1);
		assertThat(imported.notes()).anySatisfy(n -> assertThat(n).contains("名前のないソフトウェア 1件"));
	}

	@Test
	void readsAnArrayOfInventories() {
		GlpiImport imported = text("""
				[ {"itemtype": "Printer", "content": {"network_device": {"name": "PRN1", "type": "Printer",
				    "ips": ["192.168.10.70"]}}},
				  {"deviceid": "pc-1", "content": {"hardware": {"name": "UKETSUKE1"},
				    "operatingsystem": {"full_name": "Microsoft Windows 11 Pro", "version": "23H2",
				    "kernel_name": "MSWin32", "kernel_version": "10.0.22631"}}},
				  {"no": "content"} ]
				""");
		assertThat(imported.devices()).extracting(GlpiDevice::name, GlpiDevice::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("PRN1", "printer"),
					org.assertj.core.groups.Tuple.tuple("UKETSUKE1", "pc"));
		assertThat(imported.devices().get(1).osVersion()).isEqualTo("23H2 (10.0.22631)");
		assertThat(imported.skipped()).isEqualTo(1);
	}

	@Test
	void callsAnUnknownKindOther() {
		GlpiImport imported = text("""
				{"itemtype": "Phone", "content": {"network_device": {"name": "IP-PHONE-1", "ips": ["192.168.10.80"]}}}
				""");
		assertThat(imported.devices()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(GlpiDevice.OTHER));
		assertThat(imported.notes()).anySatisfy(n -> assertThat(n).contains("Phone").contains("その他"));
	}

	@Test
	void refusesWhatIsNotAnInventory() {
		assertThatThrownBy(() -> text("{\"hello\": 1}")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("GLPI インベントリの形式ではありません");
		assertThatThrownBy(() -> text("<xml/>")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("JSON として読めません");
		assertThatThrownBy(() -> text("")).isInstanceOf(BadInputException.class);
	}

}
