/**
 * 事業継続: what keeps care going through a cyber incident — backups (method, generations,
 * location, last successful run, restore tests and their results), recovery priorities
 * and procedures per system (order, RTO, steps, who), the BCP points of the MHLW 確認表 in
 * its five phases (平時/検知/初動/復旧/事後) with status and drills, and the incident contacts from
 * which the 連絡体制図 is drawn. The ledgers behind checklist items 3-①, 3-② and 3-③; later
 * the incident binder.
 */
@org.springframework.modulith.ApplicationModule(displayName = "事業継続 (continuity)")
package jp.mamori.continuity;
