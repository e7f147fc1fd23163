/**
 * 事業者確認用 portal: a clinic asks a vendor organisation to fill the 事業者確認用 form for a 年度 and
 * the systems it serves (optionally by a 回答期限, with a daily reminder mail to the vendor's
 * users); the vendor's users see only the requests addressed to their organisation (the
 * client's name and the systems, nothing else of the client), answer and submit; the
 * clinic reads the answer, accepts it — which copies it into its own 事業者確認用 assessment
 * through the assessment module's use cases — or returns it with a comment.
 * <p>
 * A vendor answers once per product/service
 * ({@link jp.mamori.vendorportal.VendorProducts}) and draws on that answer for each
 * request, adjusting per client; the rows it changed are shown to the client. It uploads
 * its JAHIS MDS/SDS per product (files stored by the evidence module); clients whose
 * requests name the product see the current one and review it per section
 * ({@link jp.mamori.vendorportal.VendorDocuments}), which the vendor module's 2-③ check
 * reads. A client without vendor users imports the vendor's filled Excel form
 * ({@link jp.mamori.vendorportal.VendorFormImport}). Reads organization, catalog,
 * identity and evidence, writes through assessment; read by vendor (2-③).
 * <p>
 * A request goes only to a vendor the clinic linked by contract ({@code vendor_link}:
 * contract number, the systems of its ledgers the contract covers) and only for those
 * systems; through the link the vendor's users read the clinic's devices and
 * remote-maintenance connections of those systems — nothing else — and propose changes,
 * written to the ledger row through the ledger machinery when the clinic approves;
 * reporting reads the links for the incident binder.
 */
@org.springframework.modulith.ApplicationModule(displayName = "事業者ポータル (vendorportal)")
package jp.mamori.vendorportal;
