/**
 * Storage of imported machines and what they have; every statement scoped by
 * organisation.
 */
package jp.mamori.endpoint.internal;
