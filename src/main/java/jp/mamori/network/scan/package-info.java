/**
 * Network scans (nmap {@code -oX}) against the device ledger (checklist item 2-①): the
 * hosts, addresses, OS guesses and open services a scan saw
 * ({@link jp.mamori.network.scan.NmapXmlReader} →
 * {@link jp.mamori.network.scan.NmapScan}), and the findings
 * {@link jp.mamori.network.scan.ScanReview} draws from them: {@code unregistered-device},
 * {@code ledger-device-not-seen} and {@code risky-service}. Plain Java, offline, no
 * database: the ledger comes in as {@link jp.mamori.network.scan.LedgerDevice} records
 * that the caller maps from its own rows.
 * {@link jp.mamori.network.scan.NmapScan#services()} lists the product, version and CPEs
 * of every open service for end-of-life and known-exploited matching.
 */
@org.springframework.modulith.NamedInterface("scan")
package jp.mamori.network.scan;
