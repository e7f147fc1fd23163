/**
 * GLPI inventory import: the JSON that the GLPI Agent (and FusionInventory) writes for a
 * computer ({@code action: inventory}) or that SNMP inventory writes for network
 * equipment and printers ({@code action: netinventory}), read by
 * {@link jp.mamori.network.inventory.GlpiInventoryReader} into ledger-shaped
 * {@link jp.mamori.network.inventory.GlpiDevice} records: an optional way to fill the
 * device ledger (checklist item 2-①) without typing. Plain Java, offline, no database.
 */
@org.springframework.modulith.NamedInterface("glpi")
package jp.mamori.network.inventory;
