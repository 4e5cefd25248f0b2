/// A resource limit asked for by SETQUOTA (RFC 9208 §4.3).
public struct IMAPQuotaLimit: Sendable, Equatable {
    /// The resource name uppercased: STORAGE, MESSAGE, MAILBOX, ...
    public var resource: String
    public var limit: UInt64

    public init(resource: String, limit: UInt64) {
        self.resource = resource
        self.limit = limit
    }
}

/// A resource's usage and limit in a QUOTA response (RFC 9208 §5.1).
/// STORAGE counts units of 1024 octets.
public struct IMAPQuotaResource: Sendable, Equatable {
    public var name: String
    public var usage: UInt64
    public var limit: UInt64

    public init(name: String, usage: UInt64, limit: UInt64) {
        self.name = name
        self.usage = usage
        self.limit = limit
    }
}
