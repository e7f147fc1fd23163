package jp.mamori.shared.ledger;

import jp.mamori.support.IntegrationTest;

/** The ledger schema scenarios on the embedded H2 database (the default run). */
@IntegrationTest
class LedgerSchemaH2IntegrationTests extends LedgerSchemaScenarios {

}
