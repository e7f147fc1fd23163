/**
 * Evidence files (規程, 台帳, スクリーンショット, 回答メール …) stored in the database with their SHA-256,
 * so that one database backup holds everything; size and type are checked on the way in.
 * Files are linked to what they support (an assessment item now, ledger rows later) by
 * owner type and reference.
 */
@org.springframework.modulith.ApplicationModule(displayName = "証跡 (evidence)")
package jp.mamori.evidence;
