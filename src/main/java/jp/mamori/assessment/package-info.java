/**
 * Assessments: one organisation answering one form of one checklist version for one
 * fiscal year, in rounds (1回目/2回目/3回目). Per item and round: はい / いいえ / 記入不要, 確認日, 目標日,
 * 備考. Owns the form rules (the gate item, the no-vendor-contract rule, 目標日 within the
 * 年度), submit-and-lock, the next round's carry-over and seeding a new year or version
 * through concept keys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "チェックリスト回答 (assessment)")
package jp.mamori.assessment;
