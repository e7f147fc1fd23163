package jp.mamori.network.scan;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Our own scan fixtures in {@code src/test/resources/network/scan/} and the clinic ledger
 * that goes with {@code clinic-scan.xml} (the same rows as {@code clinic-ledger.csv}).
 */
public final class ScanFixtures {

	private ScanFixtures() {
	}

	public static Path path(String name) {
		try {
			return Path.of(ScanFixtures.class.getResource("/network/scan/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException ex) {
			throw new IllegalStateException("fixture missing: " + name, ex);
		}
	}

	/** The clinic's device ledger. */
	public static List<LedgerDevice> clinicLedger() {
		return List.of(device("電子カルテサーバ", "EMR-SV01", "192.168.10.11", "00-15-5D-0A-0B-0C", "active"),
				device("受付PC1", "recept-pc1.clinic.local", "192.168.10.121", null, "active"),
				device("ルータ", null, "192.168.10.1", null, "active"),
				device("レセコンサーバ", "RECE-SV02", "192.168.10.12", null, "active"),
				device("旧サーバ", "OLD-SV", "192.168.10.13", null, "retired"),
				device("画像サーバ", "PACS-SV", "192.168.10.40", "aa:bb:cc:00:11:22", "active"),
				device("検査PC", "LAB-PC1", "192.168.10.41", null, "active"),
				device("NAS", "nas01", "192.168.10.60", null, "active"),
				device("訪問診療タブレット", null, "10.20.0.5", null, "active"),
				device("監視カメラ録画機", null, "192.168.10.250", null, "active"));
	}

	public static LedgerDevice device(String name, String hostname, String ip, String mac, String status) {
		return new LedgerDevice(name, hostname, ip == null ? List.of() : List.of(ip),
				mac == null ? List.of() : List.of(mac), status);
	}

}
