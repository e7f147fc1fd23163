package jp.mamori.network;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A configuration or nmap scan was uploaded and analysed (a file uploaded before replaces
 * its earlier analysis).
 *
 * @param org the organisation
 * @param analysisId the analysis
 * @param kind configuration or scan
 * @param fileName the file's name
 * @param format the vendor or {@code nmap}
 * @param findings findings stored
 * @param replaced whether the same file had been analysed before
 * @param by who uploaded it
 */
public record NetworkFileAnalysed(OrgId org, UUID analysisId, AnalysisKind kind, String fileName, String format,
		int findings, boolean replaced, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "network." + kind.code() + ".analysed", fileName,
				format + "・検出" + findings + "件" + (replaced ? "（前回の解析を置き換え）" : ""));
	}

}
