-- assessment module: a 事業者確認用 per vendor. The subject names whose answers an assessment holds:
-- '' for the organisation's own forms, the vendor's name for a 事業者確認用 answered by that vendor,
-- so that two vendors of one clinic no longer overwrite each other's answers.
alter table assessment add column subject varchar(200) default '' not null;
alter table assessment drop constraint assessment_unique;
alter table assessment add constraint assessment_unique unique (org_id, fiscal_year, form, catalog_version, subject);
