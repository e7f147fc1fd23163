/**
 * The offline command {@code mamori analyze scan}: exposed so that the command-line face
 * can register it without starting Spring.
 */
@org.springframework.modulith.NamedInterface("scancli")
package jp.mamori.network.scancli;
