import CarrierConfig

/// Maps the address an administrator types to the account key the store uses.
enum AccountName {
    /// `alice@<a mydestination domain>` and bare `alice` give `alice`; an address in a
    /// `virtual_mailbox_domains` domain stays whole (lower case). Anything else, or an
    /// address that is malformed, is a usage error that says why.
    static func key(for address: String, settings: CarrierSettings) throws(CommandFailure) -> String {
        guard !address.isEmpty, address.unicodeScalars.allSatisfy(isAllowed) else {
            throw .usage("invalid address \"\(address)\": it must not be empty or contain spaces or control characters")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw .usage("invalid address \"\(address)\": expected NAME or NAME@DOMAIN")
        }
        guard let key = settings.accountKey(forAddress: address) else {
            throw .usage("""
                \(address): domain \(parts[1]) is not local: add it to mydestination (users shared by all \
                local domains) or virtual_mailbox_domains (hosted users)
                """)
        }
        return key
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x20 && scalar.value != 0x7f
    }
}
