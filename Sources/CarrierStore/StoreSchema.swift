import GRDB

/// The SQLite schema as GRDB migrations; each release only appends migrations.
/// A body row carries its parsed metadata, so storing a message touches one
/// hash-keyed b-tree, not two.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    address TEXT NOT NULL UNIQUE,
                    password TEXT NOT NULL,
                    is_admin INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE aliases (
                    name TEXT PRIMARY KEY,
                    targets TEXT NOT NULL
                );
                CREATE TABLE mailboxes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    uid_validity INTEGER NOT NULL,
                    uid_next INTEGER NOT NULL DEFAULT 1,
                    highest_modseq INTEGER NOT NULL DEFAULT 1,
                    subscribed INTEGER NOT NULL DEFAULT 1,
                    UNIQUE(user_id, name)
                );
                CREATE TABLE bodies (
                    hash TEXT PRIMARY KEY,
                    size INTEGER NOT NULL,
                    data BLOB,
                    path TEXT,
                    subject TEXT, from_field TEXT, to_field TEXT, cc_field TEXT,
                    message_id TEXT, in_reply_to TEXT, refs TEXT, date INTEGER,
                    mime_structure TEXT NOT NULL
                );
                CREATE TABLE messages (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    uid INTEGER NOT NULL,
                    modseq INTEGER NOT NULL,
                    flags TEXT NOT NULL DEFAULT '',
                    internal_date INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    body_hash TEXT NOT NULL REFERENCES bodies(hash),
                    queue_id TEXT,
                    delivery_key TEXT UNIQUE,
                    UNIQUE(mailbox_id, uid)
                );
                CREATE TABLE external_deliveries (
                    delivery_key TEXT PRIMARY KEY,
                    delivered_at INTEGER NOT NULL
                );
                CREATE TABLE queue (
                    queue_id TEXT PRIMARY KEY,
                    sender TEXT NOT NULL,
                    arrival INTEGER NOT NULL,
                    body_hash TEXT NOT NULL REFERENCES bodies(hash),
                    size INTEGER NOT NULL,
                    envelope_id TEXT,
                    dsn_return TEXT
                );
                CREATE TABLE queue_recipients (
                    queue_id TEXT NOT NULL REFERENCES queue(queue_id) ON DELETE CASCADE,
                    recipient TEXT NOT NULL,
                    original_recipient TEXT,
                    notify TEXT,
                    status TEXT NOT NULL DEFAULT 'active',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt INTEGER NOT NULL,
                    last_reason TEXT,
                    PRIMARY KEY (queue_id, recipient)
                );
                """)
        }
        migrator.registerMigration("v2-directory-version") { db in
            try db.execute(sql: """
                CREATE TABLE directory_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
                INSERT INTO directory_version (id, version) VALUES (1, 1);
                CREATE TRIGGER users_insert AFTER INSERT ON users BEGIN UPDATE directory_version SET version = version + 1; END;
                CREATE TRIGGER users_update AFTER UPDATE ON users BEGIN UPDATE directory_version SET version = version + 1; END;
                CREATE TRIGGER users_delete AFTER DELETE ON users BEGIN UPDATE directory_version SET version = version + 1; END;
                CREATE TRIGGER aliases_insert AFTER INSERT ON aliases BEGIN UPDATE directory_version SET version = version + 1; END;
                CREATE TRIGGER aliases_update AFTER UPDATE ON aliases BEGIN UPDATE directory_version SET version = version + 1; END;
                CREATE TRIGGER aliases_delete AFTER DELETE ON aliases BEGIN UPDATE directory_version SET version = version + 1; END;
                """)
        }
        migrator.registerMigration("v3-delay-warning") { db in
            try db.execute(sql: "ALTER TABLE queue_recipients ADD COLUMN delay_warned INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v4-imap-modseq-index") { db in
            try db.execute(sql: "CREATE INDEX messages_modseq ON messages(mailbox_id, modseq)")
        }
        // QRESYNC (RFC 7162 §3.2, §5.3): every expunged UID with the
        // mod-sequence of its expunge. Expunges before this migration were not
        // recorded: `expunge_floor` is the mod-sequence below which the table
        // is incomplete, so a client asking from further back is answered
        // from its own UID set instead.
        migrator.registerMigration("v5-expunged") { db in
            try db.execute(sql: """
                CREATE TABLE expunged (
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    uid INTEGER NOT NULL,
                    modseq INTEGER NOT NULL,
                    PRIMARY KEY (mailbox_id, uid)
                ) WITHOUT ROWID;
                CREATE INDEX expunged_modseq ON expunged(mailbox_id, modseq);
                ALTER TABLE mailboxes ADD COLUMN expunge_floor INTEGER NOT NULL DEFAULT 0;
                UPDATE mailboxes SET expunge_floor = highest_modseq;
                """)
        }
        // Each body's MIME skeleton (MailCore's `MIMESkeleton.encoded()`),
        // written with the body, so FETCH answers ENVELOPE and BODYSTRUCTURE
        // and finds a part's octets without reading the body. Bodies stored
        // before have none: it is made on first use and written then.
        migrator.registerMigration("v6-mime-skeleton") { db in
            try db.execute(sql: "ALTER TABLE bodies ADD COLUMN skeleton BLOB")
        }
        // Body collection asks, per body, whether any message or queue entry
        // still names it; the foreign keys ask the same when a body row goes.
        migrator.registerMigration("v7-body-references") { db in
            try db.execute(sql: """
                CREATE INDEX messages_body_hash ON messages(body_hash);
                CREATE INDEX queue_body_hash ON queue(body_hash);
                """)
        }
        return migrator
    }
}
