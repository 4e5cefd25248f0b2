/// What cleanup needs to know about a message's arrival to finish its header.
public struct CleanupContext: Sendable {
    public var queueID: String
    public var heloName: String
    public var client: ClientInfo
    /// `ESMTP`, `SMTP`, `UTF8SMTP`... as written after `with` in Received.
    public var protocolName: String
    public var myhostname: String
    public var mailName: String
    public var recipients: [String]
    /// Add Message-ID and Date when missing (mail from trusted/local clients, as
    /// Postfix's `local_header_rewrite_clients`).
    public var addMissingHeaders: Bool
    /// Seconds since 1970 and the local zone offset, for Received and Date.
    public var now: Int64
    public var zoneOffsetMinutes: Int
    /// Set for mail from `sendmail`/`carrier mail`: the submitter's uid for
    /// `Received: by host (Carrier, from userid N)`, and the sender for a missing `From:`.
    public var localSubmission: (uid: UInt32, sender: String)?

    public init(queueID: String, heloName: String, client: ClientInfo, protocolName: String, myhostname: String,
                mailName: String, recipients: [String], addMissingHeaders: Bool, now: Int64, zoneOffsetMinutes: Int) {
        self.queueID = queueID
        self.heloName = heloName
        self.client = client
        self.protocolName = protocolName
        self.myhostname = myhostname
        self.mailName = mailName
        self.recipients = recipients
        self.addMissingHeaders = addMissingHeaders
        self.now = now
        self.zoneOffsetMinutes = zoneOffsetMinutes
    }
}
