/**
 * The multi-organisation roll-up of a group (医療法人, hospital group, vendor): for one
 * fiscal year, per member the latest assessment's answers — はい count, overdue 目標日,
 * critical findings from the evaluation read API — and per item the share of はい across
 * members, with a per-site drill-down and an Excel export. Reads the organization,
 * assessment and evaluation modules; nothing reads the roll-up. What is shown of a member
 * follows its {@link jp.mamori.organization.DetailConsent}: {@code none} members are
 * listed by name only and left out of every aggregate, {@code summary} members add their
 * numbers, {@code full} members also their per-item answers and drill-down.
 */
@org.springframework.modulith.ApplicationModule(displayName = "グループ集計 (rollup)")
package jp.mamori.rollup;
