/**
 * Development and benchmark data: {@code mamori dev generate} fills an instance with a
 * realistic, deterministic data set (a clinic, a 500-bed hospital, a group of 300
 * organisations) through the other modules' public APIs and the ledger machinery. Owns no
 * table of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "開発用データ (devdata)")
package jp.mamori.devdata;
