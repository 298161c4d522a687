-- 账号与审计 (accounts and the audit trail, DESIGN.md §7): users, sessions, login attempts and
-- lockouts, time-limited grants, and the append-only, hash-chained audit log. Written through
-- storage/account_store.h and storage/audit_store.h; the rules are in src/api/auth.
-- *_at, valid_* and locked_until columns are Unix seconds.

-- 用户账号: one per person who signs in. org_id is the procuratorate office (orgs.org_id, of a
-- procuratorate org_type) the user works in; the jurisdiction follows from it.
CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,          -- lower case: a-z 0-9 . _ -
  display_name TEXT NOT NULL,
  org_id TEXT NOT NULL,
  role TEXT NOT NULL,                     -- leader | dept_head | prosecutor | assistant | resident | admin
  staff_id TEXT,                          -- staff.staff_id (检察人员), when known
  password_hash TEXT NOT NULL,            -- argon2id, libsodium crypto_pwhash_str ($argon2id$…)
  must_change_password INTEGER NOT NULL,  -- 1 after an administrator set the password
  disabled INTEGER NOT NULL,              -- 1 = 已停用: cannot sign in, sessions revoked
  password_changed_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- 登录会话: the cookie holds a random token; only its SHA-256 is kept here, so a copy of the
-- store does not let anyone sign in.
CREATE TABLE sessions (
  session_id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,        -- hex SHA-256 of the zj_session cookie value
  csrf_hash TEXT NOT NULL,                -- hex SHA-256 of the session's CSRF token
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  ip TEXT NOT NULL,                       -- address the login came from
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,          -- moved at most once a minute
  expires_at INTEGER NOT NULL,            -- created_at + absolute lifetime
  revoked_at INTEGER,
  revoked_why TEXT                        -- logout | login | password | reset | disabled
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

-- 登录记录: every attempt, whether or not the username exists; read for per-IP throttling.
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  username TEXT NOT NULL,                 -- as typed, lower-cased
  ip TEXT NOT NULL,
  outcome TEXT NOT NULL                   -- ok | bad_credentials | disabled | user_locked | ip_locked
) STRICT;
CREATE INDEX login_attempts_ip ON login_attempts (ip, at)
  WHERE outcome IN ('bad_credentials', 'user_locked');

-- 登录锁定: consecutive failures per username (known or not, so a lock tells nothing about
-- whether an account exists) and the lockouts of usernames and IP addresses.
CREATE TABLE login_locks (
  kind TEXT NOT NULL,                     -- user | ip
  key TEXT NOT NULL,                      -- the username or the IP address
  failures INTEGER NOT NULL,              -- user: consecutive failures since the last success/lock
  locked_until INTEGER,                   -- sign-in refused before this instant
  PRIMARY KEY (kind, key)
) STRICT;

-- 临时授权 (跨区域巡回检察组): the user also sees org_id's jurisdiction while
-- valid_from <= now < valid_until, unless revoked.
CREATE TABLE grants (
  grant_id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (user_id),
  org_id TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  valid_until INTEGER NOT NULL,           -- exclusive
  reason TEXT NOT NULL,
  granted_by TEXT NOT NULL,               -- username of the administrator, or cli
  granted_at INTEGER NOT NULL,
  revoked_at INTEGER,
  revoked_by TEXT,
  CHECK (valid_until > valid_from)
) STRICT;
CREATE INDEX grants_user ON grants (user_id, valid_until);

-- 审计日志: who saw or changed what. Append-only and hash-chained: hash = SHA-256 over
-- prev_hash and every other column (exact bytes in storage/audit_store.h), prev_hash = the
-- previous row's hash (64 zeros for seq 1). Rows are written in the same transaction as the
-- change they record. The triggers below refuse UPDATE and DELETE and any row that does not
-- continue the chain; VerifyAudit (zhijian audit verify) detects what raw SQL can still do.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,                -- 1, 2, 3 … without gaps
  at INTEGER NOT NULL,
  user_id INTEGER,                        -- actor; null for the system and the command line
  username TEXT,                          -- actor's username; cli for the command line
  action TEXT NOT NULL,                   -- login | login_failed | logout | read_person | …
  object_type TEXT,                       -- user | grant | person | case | clue | …
  object_id TEXT,
  detail TEXT NOT NULL CHECK (json_valid(detail)),
  request_id TEXT,
  ip TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_object ON audit_log (object_type, object_id, seq);
CREATE INDEX audit_user ON audit_log (user_id, seq);
CREATE INDEX audit_username ON audit_log (username, seq);
CREATE INDEX audit_at ON audit_log (at);

-- 审计链头: the last seq and hash, moved by the insert trigger in the same statement as the
-- row, so removing rows from the tail shows as a head that points past the last row.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '审计记录只能追加，不得修改或删除');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '审计记录只能追加，不得修改或删除');
END;
CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT (SELECT seq + 1 FROM audit_head WHERE id = 1)
  OR NEW.prev_hash IS NOT (SELECT hash FROM audit_head WHERE id = 1)
BEGIN
  SELECT RAISE(ABORT, '审计记录只能接在链尾追加（序号连续，前一哈希与链头一致）');
END;
CREATE TRIGGER audit_log_advance_head AFTER INSERT ON audit_log
BEGIN
  UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
  SELECT RAISE(ABORT, '审计链头不得删除');
END;
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
WHEN NEW.id IS NOT 1 OR NEW.seq IS NOT OLD.seq + 1
  OR NEW.hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.seq)
BEGIN
  SELECT RAISE(ABORT, '审计链头只能随新追加的记录前移');
END;
