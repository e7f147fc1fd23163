/**
 * The tamper-evident audit trail: every {@link jp.mamori.shared.Auditable} event any
 * module publishes is appended, in the same transaction as the change, to a hash chain in
 * which each entry carries the hash of the one before. {@code mamori audit verify} walks
 * the chain. Organisation administrators read their organisation's part of it on
 * {@code /orgs/{org}/audit} (filtered, paged, with the chain's state on top) and export
 * it as CSV or Excel: the アクセスログ of R7 2-⑪; each export is itself appended. Depends on
 * shared only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "監査証跡 (audit)")
package jp.mamori.audit;
