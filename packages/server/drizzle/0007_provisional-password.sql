-- A password the administrator handed out (new account, reset, generated first-run password): while it is
-- still the user's password, the web app makes the user choose a new one at the next login.
ALTER TABLE "users" ADD COLUMN "provisional_password_hash" text;
