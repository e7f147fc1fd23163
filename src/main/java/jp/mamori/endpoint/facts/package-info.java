/**
 * The collector file format (schema version 1) and the offline analysis of it: reading a
 * file, the finding rules and their maintained lists. No Spring, no database, so that
 * {@code mamori analyze endpoint} runs on any PC with Java.
 */
@org.springframework.modulith.NamedInterface("facts")
package jp.mamori.endpoint.facts;
