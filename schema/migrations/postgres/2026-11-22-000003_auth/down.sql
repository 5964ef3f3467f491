DROP TABLE access_events;
DROP TABLE api_keys;
DROP TABLE users;
