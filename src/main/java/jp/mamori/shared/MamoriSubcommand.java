package jp.mamori.shared;

/**
 * Marker for a picocli {@code @Command} bean that the command-line face registers as a
 * subcommand of {@code mamori}. Each module contributes its own (catalog, admin, export
 * …).
 */
public interface MamoriSubcommand {

}
