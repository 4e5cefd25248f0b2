import CarrierConfig

extension AliasTarget {
    /// The target as the store keeps it: an address as written, the others in their
    /// aliases(5) form (`:include:/path`, `|command`, `/path`) for the router to judge.
    var storedText: String {
        switch self {
        case .address(let address): address
        case .include(let path): ":include:\(path)"
        case .command(let command): "|\(command)"
        case .file(let path): path
        }
    }
}
