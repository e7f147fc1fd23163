/**
 * 端末の収集データ: facts about Windows PCs and servers gathered without an agent. Ships the
 * read-only collector script ({@code Collect-MamoriFacts.ps1}), reads its JSON files,
 * finds what checklist items 2-⑥ (patches, end of life, antivirus), 2-⑨ (local
 * administrators, password expiry, shared administrator passwords) and 2-⑫ (unneeded
 * services, remote-access tools, USB storage) are about, and imports the files into the
 * device ledger and its own tables (software, services, local accounts, findings per
 * machine). Does not own the device ledger (inventory) or the account ledger (account):
 * it writes to them through their public ledger definitions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "端末の収集データ (endpoint)")
package jp.mamori.endpoint;
