DROP TABLE report_documents;
