import IMAPProtocol

/// How one data item of a FETCH response is made: at once, or from
/// octets of the stored body that must be read first.
enum IMAPFetchAnswer {
    /// Known from the message's entry and MIME skeleton.
    case item(IMAPFetchItem)
    /// Message data that is exactly these octets of the body; `make` puts
    /// them in the item. A large one goes out piece by piece.
    case literal(Range<Int>, make: ([UInt8]) -> IMAPFetchItem)
    /// Made from these octets of the body (decoded, or fields picked).
    case derived(Range<Int>, make: ([UInt8]) -> IMAPFetchItem)
    /// BINARY of a part in an encoding the server cannot decode: the
    /// FETCH fails with NO [UNKNOWN-CTE] (RFC 3516 §4.3).
    case unknownEncoding

    /// The octets of the body the item is made from.
    var range: Range<Int>? {
        switch self {
        case .literal(let range, _), .derived(let range, _): range
        case .item, .unknownEncoding: nil
        }
    }
}
