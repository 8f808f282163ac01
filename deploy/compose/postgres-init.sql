-- Run once by the postgres image on an empty data directory
-- (/docker-entrypoint-initdb.d), as POSTGRES_USER, which then owns them:
-- one database per service (ARCHITECTURE.md: each service its own database).
-- The migrate jobs would create a missing one too; creating them here keeps
-- the compose stack's databases in plain sight.
CREATE DATABASE passerelle_identity;
CREATE DATABASE passerelle_intake;
CREATE DATABASE passerelle_matching;
CREATE DATABASE passerelle_communication;
CREATE DATABASE passerelle_evaluation;
