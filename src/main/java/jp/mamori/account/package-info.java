/**
 * 利用者台帳: the staff roster (職種, employment status, joining and leaving dates), the
 * accounts each system has (personal, shared or service; role, administrator rights,
 * two-factor, created, last login, disabled), the role matrix of 職種 × 情報区分 with the
 * access level allowed, and each system's password rules. The ledgers behind checklist
 * items 2-④, 2-⑤, 2-⑦, 2-⑧ and 2-⑩; later the detection of leavers' accounts still
 * enabled, unused, shared and administrator accounts. Mamori's own users and their
 * passwords belong to identity, not here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "利用者台帳 (account)")
package jp.mamori.account;
