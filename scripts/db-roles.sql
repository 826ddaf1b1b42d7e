-- The two roles the system needs on an external PostgreSQL (13 or later), run once as a superuser:
--   psql -v owner_password="'…'" -v api_password="'…'" -f scripts/db-roles.sql
-- Then start with
--   DATABASE_OWNER_URL=postgres://erp_owner:…@host/erp   (migrations and the demo loader)
--   DATABASE_URL=postgres://erp_api:…@host/erp           (the API)
--   JWT_SECRET=… PII_SECRET=…                             (at least 32 random characters each)
-- At every start the owner grants erp_api what it may do: rows of every table, and on audit_log
-- INSERT and SELECT only. erp_api owns nothing, so it can neither alter, disable nor drop the
-- audit trail's triggers, and as no superuser it cannot open a replica session.
CREATE ROLE erp_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :owner_password;
CREATE ROLE erp_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :api_password;
-- C.UTF-8: code-point order, and Chinese characters classified as letters (pg_trgm's trigram indexes need it)
CREATE DATABASE erp OWNER erp_owner ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
-- the extensions the migrations create (ltree, btree_gist, pg_trgm) are trusted: the owner may create them
