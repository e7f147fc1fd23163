/**
 * The machinery every ledger (台帳) shares: a ledger is declared as data — its columns with
 * Japanese and English headers, header aliases, types, choices and the checklist items it
 * serves — and gets, without further code, organisation-scoped storage, validation with
 * errors naming row and column, Excel/CSV import (CP932/Shift_JIS and UTF-8 with or
 * without BOM) that writes nothing unless every row is valid, export in the same layout,
 * a template with an example row, a REST API and pages. See docs/adr/0006.
 */
package jp.mamori.shared.ledger;
