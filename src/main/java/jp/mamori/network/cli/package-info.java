/**
 * The offline command {@code mamori analyze config}: exposed so that the command-line
 * face can register it without starting Spring.
 */
@org.springframework.modulith.NamedInterface("cli")
package jp.mamori.network.cli;
