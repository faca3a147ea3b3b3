-- Requirement profiles name the languages every volunteer needs besides those that help
-- (the existing languages column). Codes are checked against the reference data by the service.
alter table requirement_profile add column required_languages text[] not null default '{}';
