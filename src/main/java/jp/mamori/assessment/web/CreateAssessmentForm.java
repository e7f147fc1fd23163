package jp.mamori.assessment.web;

/**
 * The "new checklist" form; {@code seedFrom} is the id of an earlier assessment to carry
 * answers over from.
 */
record CreateAssessmentForm(Integer fiscalYear, String version, String form, String seedFrom) {

}
