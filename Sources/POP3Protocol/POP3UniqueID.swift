/// Unique-id strings for UIDL (RFC 1939 §7).
public enum POP3UniqueID {
    /// The unique-id of the message with this IMAP UID in a mailbox with this
    /// UIDVALIDITY (both 32-bit, RFC 9051 §2.3.1.1): the UID then the
    /// UIDVALIDITY as eight upper-case hex digits each, which is Dovecot's
    /// default `pop3_uidl_format = %08Xu%08Xv`, so clients that leave mail on a
    /// Dovecot server keep their state when the mailbox moves to Carrier.
    ///
    /// It is 16 characters in 0-9 A-F, well within RFC 1939's 1-70 octets of
    /// 0x21-0x7E, and changes only if the mailbox's UIDVALIDITY does, which is
    /// exactly when a client must treat its messages as new.
    public static func make(uidValidity: UInt32, uid: UInt32) -> String {
        hex(uid) + hex(uidValidity)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
