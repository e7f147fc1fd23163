/**
 * 事業者: the vendors that build, maintain or host the institution's systems (contact,
 * systems served, maintenance and remote-maintenance contracts, contract period) and the
 * MDS/SDS security disclosures they submit, with their review and the 事業者確認用 requests and
 * their status. The ledgers behind checklist items 2-② and 2-③. Remote connections
 * themselves are recorded in inventory; later this module also evaluates MDS/SDS content
 * and runs vendor form requests and the vendor portal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "事業者 (vendor)")
package jp.mamori.vendor;
