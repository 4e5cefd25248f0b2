/// Users and aliases as of one moment, held in memory so that routing a
/// recipient needs no query. `version` is the store's `directoryVersion()`
/// when it was read.
public struct DirectorySnapshot: Sendable {
    public let version: Int64
    private let usersByAddress: [String: UserRecord]
    private let aliasesByName: [String: AliasRecord]
    /// The first administrator by address: where postmaster and abuse go when no alias says otherwise.
    public let firstAdmin: UserRecord?

    public init(version: Int64, users: [UserRecord], aliases: [AliasRecord]) {
        self.version = version
        usersByAddress = Dictionary(users.map { ($0.address.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        aliasesByName = Dictionary(aliases.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        firstAdmin = users.filter(\.isAdmin).min { $0.address < $1.address }
    }

    public static let empty = DirectorySnapshot(version: 0, users: [], aliases: [])

    public func user(address: String) -> UserRecord? { usersByAddress[address.lowercased()] }
    public func alias(name: String) -> AliasRecord? { aliasesByName[name.lowercased()] }
    public var userCount: Int { usersByAddress.count }
}
