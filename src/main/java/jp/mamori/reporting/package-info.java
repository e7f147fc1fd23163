/**
 * The official MHLW form as a file a clinic hands to the 保健所: an assessment rendered as
 * the サイバーセキュリティ対策チェックリスト (Excel workbook or A4 PDF) with the rounds 1回目…N回目 side by
 * side, 確認日 and 目標日 in 和暦, and the printed wording of the form (title, 立入検査 notice from
 * 令和6年度版 on, scope sub-headings, 参考 marks). Owns the layout of that form and the audit
 * event of each export; reads answers through the assessment module and never changes
 * them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "公式様式出力 (reporting)")
package jp.mamori.reporting;
