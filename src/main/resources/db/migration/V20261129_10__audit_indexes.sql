-- audit module: the audit page and its export read one organisation's entries newest first (by seq)
create index audit_entry_org_seq_idx on audit_entry (org_id, seq);
