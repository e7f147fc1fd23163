package jp.mamori.evidence;

/** A stored file with its bytes, for download. */
public record EvidenceContent(EvidenceFile file, byte[] bytes) {

}
