/**
 * 事業者確認用 portal: a clinic asks a vendor organisation to fill the 事業者確認用 form for a 年度 and
 * the systems it serves; the vendor's users see only the requests addressed to their
 * organisation (the client's name and the systems, nothing else of the client), answer
 * and submit; the clinic reads the answer, accepts it — which copies it into its own
 * 事業者確認用 assessment through the assessment module's use cases — or returns it with a
 * comment. A request goes only to a vendor the clinic linked by contract
 * ({@code vendor_link}: contract number, the systems of its ledgers the contract covers)
 * and only for those systems; through the link the vendor's users read the clinic's
 * devices and remote-maintenance connections of those systems — nothing else — and
 * propose changes, written to the ledger row through the ledger machinery when the clinic
 * approves. Reads organization, catalog and the inventory and vendor ledgers, writes
 * through assessment and the ledger machinery; reporting reads the links for the incident
 * binder.
 */
@org.springframework.modulith.ApplicationModule(displayName = "事業者ポータル (vendorportal)")
package jp.mamori.vendorportal;
