/**
 * 規程・体制: the designation of the 医療情報システム安全管理責任者 (who, since when, approved by whom at
 * which meeting), the 運用管理規程 and other security documents with their version, approval,
 * next review and the checklist items they cover, and the security training held. The
 * ledgers behind checklist items 1-① and 4-①; the documents' files are stored as
 * evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "規程・体制 (policy)")
package jp.mamori.policy;
