-- What an administrative document made from a report needs beyond the report itself (Decree
-- 30/2020/NĐ-CP, appendix I): number and symbol, issuing body, place and date, summary line,
-- signer and recipients. One row per report, written only when someone gives these; anything
-- not given is defaulted when the document is rendered. Recipients are a JSON array of text.
CREATE TABLE report_documents (
    report_id BIGINT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    document_number TEXT,
    superior_body TEXT,
    issuing_body TEXT,
    place TEXT,
    issued_on DATE,
    summary TEXT,
    signer_authority TEXT,
    signer_title TEXT,
    signer_name TEXT,
    recipients TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT NOT NULL
);
