/**
 * The offline command {@code mamori analyze logs}: exposed so that the command-line face
 * can register it without starting Spring.
 */
@org.springframework.modulith.NamedInterface("cli")
package jp.mamori.accesslog.cli;
