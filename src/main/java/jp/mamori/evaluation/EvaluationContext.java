package jp.mamori.evaluation;

import java.time.LocalDate;

import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;

/**
 * What a check evaluates against: the organisation, the assessment's 年度 and today (Japan
 * time).
 */
public record EvaluationContext(OrgId org, FiscalYear fiscalYear, LocalDate today) {

}
