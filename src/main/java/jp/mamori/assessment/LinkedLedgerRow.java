package jp.mamori.assessment;

import java.util.UUID;

/**
 * A ledger row linked to an item as evidence, with the label it has now (empty if the row
 * was deleted).
 */
public record LinkedLedgerRow(String ledger, String ledgerTitle, UUID rowId, String label, boolean exists) {

}
