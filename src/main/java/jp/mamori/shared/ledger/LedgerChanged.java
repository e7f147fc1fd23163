package jp.mamori.shared.ledger;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A ledger row was created, updated or deleted, or a file was imported. */
public record LedgerChanged(OrgId org, String ledger, String what, String target, String detail,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "ledger." + ledger + "." + what, target, detail);
	}

}
