package jp.mamori.assessment;

import jp.mamori.support.IntegrationTest;

/** The assessment scenarios on the embedded H2 database (the default run). */
@IntegrationTest
class AssessmentH2IntegrationTests extends AssessmentScenarios {

}
