-- SCIM's enterprise extension carries an employee number
ALTER TABLE member ADD COLUMN employee_number VARCHAR(100);

-- The community's email domains: accounts are created (by administrators or SCIM) only
-- with an address under one of them; none at all allows every domain
CREATE TABLE email_domain (
    domain     VARCHAR(253) PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Single sign-on through the company's OpenID Connect provider: one row (id 1); the
-- client secret is sealed with the master key, like a connection's credentials
CREATE TABLE sso_settings (
    id                    INT PRIMARY KEY,
    enabled               BOOLEAN NOT NULL,
    issuer_url            VARCHAR(500) NOT NULL,
    client_id             VARCHAR(200) NOT NULL,
    client_secret         VARCHAR(2000) NOT NULL,
    password_sign_in      BOOLEAN NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
