package jp.mamori.support;

import java.util.List;
import java.util.Map;

import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorLinks;
import org.springframework.stereotype.Component;

/**
 * Object mother for contract links: requests go only to a linked vendor for the systems
 * the link covers, and a link covers only systems the clinic's ledgers name — so each
 * system gets a server row in the device ledger first.
 */
@Component
public class VendorLinkMother {

	private final LedgerMother ledgers;

	private final VendorLinks links;

	VendorLinkMother(LedgerMother ledgers, VendorLinks links) {
		this.ledgers = ledgers;
		this.links = links;
	}

	public void link(OrgId client, OrgId vendor, String... systems) {
		for (String system : systems) {
			ledgers.row(InventoryLedgers.DEVICES, client,
					Map.of("name", system + " サーバ", "kind", "server", "system", system));
		}
		links.link(client, vendor.toString(), List.of(systems), "K-" + String.join("-", systems), null, "test");
	}

}
