import Foundation

/// Postfix's maildrop: where `sendmail` and `carrier mail` leave messages for
/// the server, so local submission works while the server is down.
///
/// Each message is one file `QUEUEID` holding a one-line JSON envelope and then
/// the message bytes; it is written to a temporary name, fsynced, renamed into
/// place and the directory fsynced before `submit` returns, so a message that
/// was accepted is never lost. The server's pickup removes a file only after
/// the message is committed; delivery is idempotent per queue id, so a crash in
/// between cannot deliver twice.
public struct Maildrop: Sendable {
    /// Who submitted what, to whom.
    public struct Envelope: Codable, Equatable, Sendable {
        public var queueID: String
        public var sender: String
        public var recipients: [String]
        /// Seconds since 1970.
        public var arrival: Int64
        /// The login name of the submitting user.
        public var submitter: String

        public init(queueID: String, sender: String, recipients: [String], arrival: Int64, submitter: String) {
            self.queueID = queueID
            self.sender = sender
            self.recipients = recipients
            self.arrival = arrival
            self.submitter = submitter
        }
    }

    /// A message waiting in the maildrop.
    public struct Entry: Equatable, Sendable {
        public var envelope: Envelope
        public var size: Int
    }

    public let directory: String
    /// Like Postfix's maildrop: every local user may drop a file, nobody but the
    /// owner may list (sticky, write-and-search only for others).
    public static let directoryMode: mode_t = 0o1733
    /// Readable by the server when it runs as `mail_owner`; the directory cannot
    /// be listed, so other users cannot find the file.
    public static let fileMode: mode_t = 0o604

    public init(dataDirectory: String) {
        directory = "\(dataDirectory)/maildrop"
    }

    /// Stores a message durably; returns its queue id.
    @discardableResult
    public func submit(queueID: String, sender: String, recipients: [String], content: [UInt8], submitter: String,
                       arrival: Int64 = Int64(Date().timeIntervalSince1970)) throws -> String {
        if !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            chmod(directory, Self.directoryMode)
        }
        let envelope = Envelope(queueID: queueID, sender: sender, recipients: recipients, arrival: arrival, submitter: submitter)
        var bytes = try JSONEncoder().encode(envelope)
        bytes.append(10)
        bytes.append(contentsOf: content)
        let file = BodyFileStore(directory: directory)
        try file.writeFile(Array(bytes), at: "\(directory)/\(queueID)", temporaryName: "\(directory)/.tmp-\(queueID)",
                           mode: Self.fileMode)
        return queueID
    }

    /// The waiting messages, oldest queue id first; unreadable files are skipped.
    /// Reads only each file's envelope line, so listing a large maildrop
    /// (`mailq`, pickup every second) does not read every message.
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            let path = "\(directory)/\(name)"
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            guard let head = try? handle.read(upToCount: Self.maximumEnvelopeLength),
                  let newline = head.firstIndex(of: 10),
                  let envelope = try? JSONDecoder().decode(Envelope.self, from: head[..<newline]),
                  let total = try? handle.seekToEnd() else { return nil }
            return Entry(envelope: envelope, size: Int(total) - (newline - head.startIndex) - 1)
        }
    }

    /// The longest envelope line accepted (a message with many recipients).
    static let maximumEnvelopeLength = 4 * 1024 * 1024

    public func read(queueID: String) throws -> (Envelope, [UInt8]) {
        guard let data = FileManager.default.contents(atPath: "\(directory)/\(queueID)") else {
            throw MailStoreError.corrupt("maildrop file \(queueID) is missing or unreadable")
        }
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 10),
              let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(bytes[..<newline])) else {
            throw MailStoreError.corrupt("maildrop file \(queueID) has no valid envelope")
        }
        return (envelope, Array(bytes[(newline + 1)...]))
    }

    /// Removes a message once it is committed (or deleted by `postsuper -d`).
    public func remove(queueID: String) throws {
        guard unlink("\(directory)/\(queueID)") == 0 || errno == ENOENT else {
            throw BodyFileStore.posixError("unlink \(directory)/\(queueID)")
        }
    }
}
