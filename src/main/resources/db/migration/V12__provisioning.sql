-- SCIM's enterprise extension carries an employee number
ALTER TABLE member ADD COLUMN employee_number VARCHAR(100);

-- The community's email domains: accounts are created (by administrators or SCIM) only
-- with an address under one of them; none at all allows every domain
CREATE TABLE email_domain (
    domain     VARCHAR(253) PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
