-- Installation-wide workflow settings an administrator changes in the console; no row
-- means the configured defaults (patchbay.workflows.*)
CREATE TABLE workflow_settings (
    id                INTEGER PRIMARY KEY,
    members_may_build BOOLEAN NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(200) NOT NULL
);
