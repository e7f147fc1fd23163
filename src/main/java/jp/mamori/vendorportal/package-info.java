/**
 * 事業者確認用 portal: a clinic asks a vendor organisation to fill the 事業者確認用 form for a 年度 and
 * the systems it serves; the vendor's users see only the requests addressed to their
 * organisation (the client's name and the systems, nothing else of the client), answer
 * and submit; the clinic reads the answer, accepts it — which copies it into its own
 * 事業者確認用 assessment through the assessment module's use cases — or returns it with a
 * comment. Reads organization and catalog, writes through assessment; nothing reads the
 * portal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "事業者ポータル (vendorportal)")
package jp.mamori.vendorportal;
