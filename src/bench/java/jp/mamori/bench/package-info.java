/**
 * JMH benchmarks of the hot paths (issue 9), compiled only with {@code -Pbench} and run by
 * {@code bench/run.sh}; figures go to {@code docs/benchmarks.md}, never into assertions.
 */
package jp.mamori.bench;
