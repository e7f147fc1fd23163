/**
 * Storage of the network module: analyses of uploaded configurations and scans, their
 * findings and triage trails. Every statement is scoped by organisation.
 */
package jp.mamori.network.internal;
