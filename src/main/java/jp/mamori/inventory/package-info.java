/**
 * 機器台帳: devices (servers, PCs, network and medical devices) with their software,
 * addresses, location, system and support end; cloud services; and the remote-maintenance
 * connections vendors use (method, source restriction, two-factor, last confirmed with
 * the vendor). The ledgers behind checklist items 2-①, 2-②, 2-⑥ and 2-⑨; later the nmap
 * reconciliation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "機器台帳 (inventory)")
package jp.mamori.inventory;
