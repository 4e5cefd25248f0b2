import CarrierConfig
import CarrierStore
import MailCore

/// `transport_maps` held in memory: read once from the indexed tables
/// `carrier postmap` builds, when the server starts or reloads, so routing
/// never waits on a file. The first table with a key wins, as in Postfix.
public struct TransportTable: Sendable {
    let entries: [[String: String]]
    /// Tables that could not be read, or values that are not a transport, for the log.
    public let problems: [String]

    public static let empty = TransportTable(entries: [], problems: [])

    init(entries: [[String: String]], problems: [String]) {
        self.entries = entries
        self.problems = problems
    }

    /// Reads every table in `references`; a missing or unreadable one is reported, not fatal.
    public init(references: [LookupTableReference]) {
        var entries: [[String: String]] = []
        var problems: [String] = []
        for reference in references {
            let path = IndexedLookupTable.path(forSource: reference.path)
            do {
                let table = try IndexedLookupTable(path: path).allEntries()
                for (key, value) in table where Transport(value) == nil {
                    problems.append("\(reference): \(key): unknown transport \"\(value)\"")
                }
                entries.append(table)
            } catch {
                problems.append("\(reference): cannot read \(path) (run carrier postmap \(reference.path)): \(error)")
            }
        }
        self.init(entries: entries, problems: problems)
    }

    /// The transport for `address`, or nil when no table names it.
    public func transport(for address: EmailAddress) -> Transport? {
        for key in Transport.lookupKeys(localPart: address.localPart, domain: address.normalizedDomain) {
            for table in entries {
                if let value = table[key], let transport = Transport(value) { return transport }
            }
        }
        return nil
    }
}
