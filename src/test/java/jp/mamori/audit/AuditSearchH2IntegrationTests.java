package jp.mamori.audit;

import jp.mamori.support.IntegrationTest;

/** The audit search scenarios on the embedded H2 database (the default run). */
@IntegrationTest
class AuditSearchH2IntegrationTests extends AuditSearchScenarios {

}
