/// The syntax a parameter's expanded value must have.
public enum ParameterKind: Sendable, Equatable, CaseIterable {
    /// Any text.
    case string
    /// A non-negative decimal number.
    case integer
    /// A non-negative number of bytes, digits only (`10240000`, not `10MB`).
    case size
    /// `yes` or `no`, in any case.
    case boolean
    /// A number with an optional unit: `s` (the default), `m`, `h`, `d` or `w`.
    case time
    /// Items separated by commas and/or white space.
    case list
    /// A list of `host:port`, `[ipv6]:port` for IPv6.
    case listenAddresses
    /// A list of addresses or networks: `127.0.0.0/8`, `[::1]/128`.
    case networks
    /// A list of lookup tables, `type:path`.
    case lookupTables

    /// What a valid value looks like, in the words of the error message.
    public var expectation: String {
        switch self {
        case .string: "expected text"
        case .integer: "expected a number"
        case .size: "expected a number of bytes"
        case .boolean: "expected yes or no"
        case .time: "expected a time such as 30s, 10m, 2h, 5d or 1w"
        case .list: "expected a list"
        case .listenAddresses: "expected host:port with a port from 0 to 65535 ([::1]:25 for IPv6)"
        case .networks: "expected an address or network such as 127.0.0.0/8 or [::1]/128"
        case .lookupTables: "expected a lookup table type:path such as hash:/etc/carrier/aliases"
        }
    }
}
