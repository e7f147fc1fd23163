package jp.mamori.vendorportal;

/**
 * One section a client reviews an MDS/SDS by (resource
 * {@code vendorportal/mds-sds-sections.tsv}; generic headings, see the note in that
 * file).
 */
public record MdsSdsSection(String id, String name, String englishName) {

}
