/// The RDATA of an SOA record (RFC 1035 §3.3.13). Its `minimum` bounds how
/// long a negative answer may be cached (RFC 2308 §4, §5).
public struct SOARecord: Hashable, Sendable {
    public var primaryServer: String
    public var responsibleMailbox: String
    public var serial: UInt32
    public var refresh: UInt32
    public var retry: UInt32
    public var expire: UInt32
    public var minimum: UInt32

    public init(primaryServer: String, responsibleMailbox: String, serial: UInt32, refresh: UInt32,
                retry: UInt32, expire: UInt32, minimum: UInt32) {
        self.primaryServer = primaryServer
        self.responsibleMailbox = responsibleMailbox
        self.serial = serial
        self.refresh = refresh
        self.retry = retry
        self.expire = expire
        self.minimum = minimum
    }
}
