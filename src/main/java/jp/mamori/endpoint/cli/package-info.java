/**
 * The offline commands {@code mamori analyze endpoint} and
 * {@code mamori collector script}: exposed so that the command-line face can register
 * them without starting Spring.
 */
@org.springframework.modulith.NamedInterface("cli")
package jp.mamori.endpoint.cli;
