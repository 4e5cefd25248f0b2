import IMAPProtocol

/// Flags as the store keeps them (their wire spelling, system flags
/// canonical) and as responses carry them (RFC 9051 §2.3.2).
enum IMAPFlags {
    /// The flags FLAGS and PERMANENTFLAGS list.
    static let system: [IMAPFlag] = [.answered, .flagged, .deleted, .seen, .draft]
    static let seen = IMAPFlag.seen.description
    static let deleted = IMAPFlag.deleted.description

    /// What a client may store: \Recent and unknown `\` extensions are dropped.
    static func storable(_ flags: [IMAPFlag]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for flag in flags {
            switch flag {
            case .recent, .extension: continue
            default:
                let text = flag.description
                if seen.insert(text.lowercased()).inserted { result.append(text) }
            }
        }
        return result
    }

    /// The flags after a STORE operation (RFC 9051 §6.4.6); keywords compare
    /// case-insensitively.
    static func apply(_ operation: IMAPStoreRequest.Operation, _ flags: [String], to current: [String]) -> [String] {
        let names = Set(flags.map { $0.lowercased() })
        switch operation {
        case .replace:
            return flags
        case .add:
            let present = Set(current.map { $0.lowercased() })
            return current + flags.filter { !present.contains($0.lowercased()) }
        case .remove:
            return current.filter { !names.contains($0.lowercased()) }
        }
    }
}
